import type { CaseNoteRecord, NoteWithHistory } from '../domain/case-note.js';
import type { NoteDraft } from '../db/draft-repository.js';

export interface NoteInputContext {
	id: string;
	userId: string;
	now: string;
}

/**
 * A new note from a draft. An amendment names the note's latest version, so the chain of
 * corrections stays in order and every earlier text is kept (see notesWithHistory).
 */
export function noteInput(draft: NoteDraft, ctx: NoteInputContext): Omit<CaseNoteRecord, 'amendsNoteId'> & { amendsNoteId?: string } {
	return {
		type: 'case-note', v: 1, id: ctx.id, caseId: draft.caseId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.userId,
		text: draft.text, aboutParticipantIds: draft.aboutParticipantIds,
		...(draft.amendsNoteId ? { amendsNoteId: draft.amendsNoteId } : {})
	};
}

/** The draft to start an amendment from: the note's current text and tags, ready to change. */
export function amendmentDraft(note: NoteWithHistory): NoteDraft {
	return { kind: 'case-note', caseId: note.current.caseId, text: note.current.text, aboutParticipantIds: [...note.current.aboutParticipantIds], amendsNoteId: note.current.id };
}

/** Newest notes first, for reading. */
export function newestFirst(notes: readonly NoteWithHistory[]): NoteWithHistory[] {
	return [...notes].reverse();
}
