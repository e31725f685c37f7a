import type { CaseNoteRecord } from '../../src/lib/domain/case-note.js';
import type { CaseRecord } from '../../src/lib/domain/case-record.js';
import { belongsToCase, caseChildDocId, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import type { CaseSummary } from '../../src/lib/protocol/cases.js';
import type { Couch } from '../store/couch.js';
import { getDoc, insertNew, updateDoc } from '../store/documents.js';

type Stored<T> = T & { _id: string; _rev?: string };

const toSummary = (record: CaseRecord): CaseSummary => ({
	id: record.id,
	reference: record.reference,
	stage: record.stage,
	status: record.status,
	updatedAt: record.updatedAt
});

/** The stored document without CouchDB's own fields: what the domain schemas describe. */
export function withoutCouchFields<T>(doc: Stored<T>): T {
	const copy: Record<string, unknown> = { ...doc };
	delete copy._id;
	delete copy._rev;
	return copy as T;
}

export function caseStore(couch: Couch) {
	const db = couch.dbs.records;
	return {
		/** Writes a new case; resolves false when a case with that id exists already. */
		create: (record: CaseRecord) => insertNew(db, { _id: caseDocId(record.id), ...record }),

		async get(caseId: string): Promise<CaseRecord | undefined> {
			const doc = await getDoc<Stored<CaseRecord>>(db, caseDocId(caseId));
			return doc && doc.type === 'case' ? withoutCouchFields(doc) : undefined;
		},

		/** Summaries of the given cases, fetched by key: cost grows with the list, not the service. */
		async summaries(caseIds: string[]): Promise<CaseSummary[]> {
			if (caseIds.length === 0) return [];
			const result = await db.fetch({ keys: caseIds.map(caseDocId) });
			return result.rows.flatMap((row) => ('doc' in row && row.doc ? [toSummary(row.doc as unknown as CaseRecord)] : []));
		},

		/**
		 * Every document of the given cases: one `_all_docs` key range per case, so the cost is
		 * what these cases hold, however many cases the service has (see bench/facilitator-pull.ts).
		 */
		async documentsOf(caseIds: string[]): Promise<Record<string, unknown>[]> {
			const ranges = await Promise.all(
				caseIds.map(async (id) => {
					const result = await db.list({ ...caseRecordRange(id), include_docs: true });
					return result.rows.filter((row) => belongsToCase(row.id, id) && row.doc).map((row) => row.doc as Record<string, unknown>);
				})
			);
			return ranges.flat();
		},

		/** Every case of the service, for coordinators. */
		async allSummaries(): Promise<CaseSummary[]> {
			const result = await db.view('tandem', 'cases-by-stage', { include_docs: true });
			return result.rows.flatMap((row) => (row.doc ? [toSummary(row.doc as unknown as CaseRecord)] : []));
		},

		/** Writes a new record of any kind at its document id (seeding); false when one is there already. */
		insertRecord: (docId: string, record: object) => insertNew(db, { _id: docId, ...record }),

		/** Case notes are append-only: false when a note with this id exists already. */
		addNote: (note: CaseNoteRecord) => insertNew(db, { _id: caseChildDocId(note.caseId, 'case-note', note.id), ...note }),

		/** Changes the case's facilitator list; `change` sees the current list and returns the new one. */
		setFacilitators: (caseId: string, change: (ids: string[]) => string[], by: string, now: Date) =>
			updateDoc<Stored<CaseRecord>>(db, caseDocId(caseId), (current) =>
				current ? { ...current, facilitatorIds: change(current.facilitatorIds), updatedAt: now.toISOString(), updatedBy: by } : undefined
			)
	};
}

export type CaseStore = ReturnType<typeof caseStore>;
