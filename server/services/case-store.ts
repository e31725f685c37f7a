import type { CaseRecord } from '../../src/lib/domain/case-record.js';
import { caseDocId } from '../../src/lib/domain/ids.js';
import type { CaseSummary } from '../../src/lib/protocol/cases.js';
import { statusOf, type Couch } from '../store/couch.js';

const toSummary = (record: CaseRecord): CaseSummary => ({
	id: record.id,
	reference: record.reference,
	stage: record.stage,
	status: record.status,
	updatedAt: record.updatedAt
});

export function caseStore(couch: Couch) {
	const db = couch.dbs.records;
	return {
		/** Writes a new case; resolves false when a case with that id exists already. */
		async create(record: CaseRecord): Promise<boolean> {
			try {
				await db.insert({ _id: caseDocId(record.id), ...record } as never);
				return true;
			} catch (error) {
				if (statusOf(error) === 409) return false;
				throw error;
			}
		},

		/** Summaries of the given cases, fetched by key: cost grows with the list, not the service. */
		async summaries(caseIds: string[]): Promise<CaseSummary[]> {
			if (caseIds.length === 0) return [];
			const result = await db.fetch({ keys: caseIds.map(caseDocId) });
			return result.rows.flatMap((row) => ('doc' in row && row.doc ? [toSummary(row.doc as unknown as CaseRecord)] : []));
		},

		/** Every case of the service, for coordinators. */
		async allSummaries(): Promise<CaseSummary[]> {
			const result = await db.view('tandem', 'cases-by-stage', { include_docs: true });
			return result.rows.flatMap((row) => (row.doc ? [toSummary(row.doc as unknown as CaseRecord)] : []));
		}
	};
}

export type CaseStore = ReturnType<typeof caseStore>;
