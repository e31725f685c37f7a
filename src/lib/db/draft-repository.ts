import { liveQuery, type Observable } from 'dexie';
import { openFor, requireKey, sealContext, sealFor } from './sealing.js';
import type { DraftRow, UserDb } from './user-db.js';

/** Unfinished case-note text, and who it is about. `amendsNoteId` when it corrects a note. */
export interface NoteDraft {
	kind: 'case-note';
	caseId: string;
	text: string;
	aboutParticipantIds: string[];
	amendsNoteId?: string;
}

export type Draft = NoteDraft;

export interface StoredDraft<T extends Draft = Draft> {
	id: string;
	updatedAt: string;
	draft: T;
}

/** One draft per thing being written: a new note on a case, or an amendment of one note. */
export function noteDraftId(caseId: string, amendsNoteId?: string): string {
	return `draft:case-note:${caseId}:${amendsNoteId ?? 'new'}`;
}

const contextOf = (id: string) => sealContext('drafts', id, 'draft');

/**
 * Drafts hold case data, so they are sealed with the vault key like records; they never go to
 * the outbox. Saving a draft never validates: half-written text is exactly what it keeps.
 */
export function draftRepository(db: UserDb, now: () => string = () => new Date().toISOString()) {
	const open = (row: DraftRow): Promise<StoredDraft> =>
		openFor<Draft>(db, contextOf(row.id), row.enc).then((draft) => ({ id: row.id, updatedAt: row.updatedAt, draft }));
	const listCase = async (caseId: string): Promise<StoredDraft[]> => {
		requireKey(db);
		const rows = await db.drafts.where('caseId').equals(caseId).toArray();
		return (await Promise.all(rows.map(open))).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	};
	return {
		async save(id: string, draft: Draft): Promise<void> {
			const row: DraftRow = { id, caseId: draft.caseId, updatedAt: now(), enc: await sealFor(db, contextOf(id), draft) };
			await db.drafts.put(row);
		},

		async get(id: string): Promise<StoredDraft | undefined> {
			requireKey(db);
			const row = await db.drafts.get(id);
			return row && open(row);
		},

		/** A case's drafts, newest first. */
		listCase,
		watchCase: (caseId: string): Observable<StoredDraft[]> => liveQuery(() => listCase(caseId)),

		discard: (id: string) => db.drafts.delete(id)
	};
}

export type DraftRepository = ReturnType<typeof draftRepository>;
