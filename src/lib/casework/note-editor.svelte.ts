import { draftRepository, noteDraftId, type NoteDraft } from '../db/draft-repository.js';
import { recordRepository } from '../db/record-repository.js';
import type { UserDb } from '../db/user-db.js';
import type { NoteWithHistory } from '../domain/case-note.js';
import type { FieldProblem } from '../domain/validation.js';
import { autosaver } from './autosave.js';
import { amendmentDraft, noteInput } from './note-form.js';

const isoNow = () => new Date().toISOString();
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The note being written on a case: a new note or an amendment. Every change is autosaved as a
 * sealed draft a couple of seconds later, so a closed tab or a flat battery loses almost nothing.
 */
export class NoteEditor {
	draft = $state<NoteDraft>();
	problems = $state<FieldProblem[]>([]);
	/** "Draft saved at 10:32", or why it could not be. */
	status = $state('');
	saving = $state(false);
	#amending: NoteWithHistory | undefined;
	#db: UserDb;
	#drafts;
	#autosave;

	constructor(db: UserDb, options: { delayMs?: number } = {}) {
		this.#db = db;
		this.#drafts = draftRepository(db);
		const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
		this.#autosave = autosaver<NoteDraft>({
			save: (draft) => this.#drafts.save(noteDraftId(draft.caseId, draft.amendsNoteId), draft),
			delayMs: options.delayMs ?? 2_000,
			onSaved: (at) => (this.status = `Draft saved on this tablet at ${time.format(at)}`),
			onError: () => (this.status = 'The draft could not be saved: unlock the tablet to keep writing')
		});
	}

	get amending(): NoteWithHistory | undefined {
		return this.#amending;
	}

	/** Opens the new-note draft of a case, from the tablet if one was left there. */
	async openNew(caseId: string): Promise<void> {
		await this.#autosave.flush();
		this.#amending = undefined;
		const saved = await this.#drafts.get(noteDraftId(caseId));
		this.draft = saved?.draft ?? { kind: 'case-note', caseId, text: '', aboutParticipantIds: [] };
		this.problems = [];
		this.status = saved ? 'Your unfinished note was kept on this tablet' : '';
	}

	/** Opens an amendment of a note: its saved draft, or the note's current text to change. */
	async openAmendment(note: NoteWithHistory): Promise<void> {
		await this.#autosave.flush();
		this.#amending = note;
		const saved = await this.#drafts.get(noteDraftId(note.current.caseId, note.current.id));
		this.draft = saved?.draft ?? amendmentDraft(note);
		this.problems = [];
		this.status = saved ? 'Your unfinished amendment was kept on this tablet' : '';
	}

	/** Call after every edit of `draft`. */
	changed(): void {
		if (this.draft) this.#autosave.change($state.snapshot(this.draft) as NoteDraft);
	}

	flush = (): Promise<void> => this.#autosave.flush();

	/** Saves the note (validated by the domain, sealed, queued for sync) and clears its draft. */
	async save(userId: string): Promise<boolean> {
		const draft = this.draft;
		if (!draft || this.saving) return false;
		const note = this.#amending;
		if (note && draft.text.trim() === note.current.text.trim() && sameIds(draft.aboutParticipantIds, note.current.aboutParticipantIds)) {
			this.problems = [{ path: 'text', message: 'Change the note before saving the amendment' }];
			return false;
		}
		this.saving = true;
		try {
			const now = isoNow();
			const input = noteInput($state.snapshot(draft) as NoteDraft, { id: crypto.randomUUID(), userId, now });
			const saved = await recordRepository(this.#db).save(input);
			if (!saved.ok) return (this.problems = saved.problems), false;
			this.#autosave.cancel();
			await this.#drafts.discard(noteDraftId(draft.caseId, draft.amendsNoteId));
			this.problems = [];
			this.status = note ? 'Amendment saved; the earlier text is kept' : 'Note saved';
			return true;
		} finally {
			this.saving = false;
		}
	}

	/** Throws the draft away; the notes themselves are untouched. */
	async discard(): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		this.#autosave.cancel();
		await this.#drafts.discard(noteDraftId(draft.caseId, draft.amendsNoteId));
		this.status = 'Draft thrown away';
	}
}
