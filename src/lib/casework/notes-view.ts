import { liveQuery, type Observable } from 'dexie';
import { draftRepository } from '../db/draft-repository.js';
import { recordRepository } from '../db/record-repository.js';
import type { UserDb } from '../db/user-db.js';
import { notesWithHistory, type CaseNoteRecord, type NoteWithHistory } from '../domain/case-note.js';
import { displayName, PARTICIPANT_ROLE_LABELS } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import { ofType } from './case-facts-from-records.js';

export interface NotesView {
	reference?: string;
	people: { value: string; label: string }[];
	/** Newest first; each shows its latest text and keeps every earlier one. */
	notes: NoteWithHistory[];
	/** Notes with an unfinished amendment on this tablet, by the id of the version it amends. */
	amendmentDrafts: Set<string>;
	hasNewDraft: boolean;
}

export function notesView(records: readonly DomainRecord[], draftIds: readonly string[]): NotesView {
	const participants = ofType(records, 'participant');
	const amendmentDrafts = new Set(draftIds.map((id) => id.split(':').at(-1)!).filter((key) => key !== 'new'));
	return {
		reference: ofType(records, 'case')[0]?.reference,
		people: participants.map((p) => ({ value: p.id, label: `${displayName(p)} (${PARTICIPANT_ROLE_LABELS[p.role]})` })),
		notes: notesWithHistory(ofType(records, 'case-note')).reverse(),
		amendmentDrafts,
		hasNewDraft: draftIds.some((id) => id.endsWith(':new'))
	};
}

/** Who a note is about, in words. */
export function aboutWords(note: CaseNoteRecord, people: readonly { value: string; label: string }[]): string {
	const names = note.aboutParticipantIds.map((id) => people.find((p) => p.value === id)?.label ?? 'someone no longer on the case');
	return names.length > 0 ? names.join(', ') : 'the case in general';
}

export function watchNotesView(db: UserDb, caseId: string): Observable<NotesView> {
	return liveQuery(async () => {
		const [records, drafts] = await Promise.all([recordRepository(db).readCase(caseId), draftRepository(db).listCase(caseId)]);
		return notesView(records, drafts.map((d) => d.id));
	});
}
