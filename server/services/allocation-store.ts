import type { CaseStage } from '../../src/lib/domain/case-stage.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, updateDoc } from '../store/documents.js';

/** Until an administrator sets one: a part-time facilitator's usual load in a small service. */
export const DEFAULT_CASELOAD_LIMIT = 8;

interface SettingsDoc {
	_id: string;
	_rev?: string;
	type: 'settings';
	v: 1;
	caseloadLimit: number;
	updatedBy: string;
	updatedAt: string;
}

/**
 * `coi:<caseId>:<userId>` in the accounts database: a conflict of interest a coordinator recorded
 * (the facilitator knows someone in the case, say). Beside the assignments, outside every case's
 * records, so no device carries it.
 */
interface ConflictDoc {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	type: 'conflict-of-interest';
	v: 1;
	caseId: string;
	userId: string;
	note: string;
	recordedBy: string;
	recordedAt: string;
}

export interface OpenCase {
	id: string;
	reference: string;
	stage: CaseStage;
	facilitatorIds: string[];
}

const SETTINGS_ID = 'settings:allocation';
const conflictId = (caseId: string, userId: string) => `coi:${caseId}:${userId}`;

export function allocationStore(couch: Couch) {
	const accounts = couch.dbs.accounts;
	const records = couch.dbs.records;
	return {
		/** Open cases per facilitator, counted by the store's reduce: no case is read. */
		async caseloads(): Promise<Map<string, number>> {
			const result = await records.view('tandem', 'caseloads', { group: true });
			return new Map(result.rows.map((row) => [String(row.key), Number(row.value)]));
		},

		/** Open cases with their facilitators: the view's small values, not the case documents. */
		async openCases(): Promise<OpenCase[]> {
			const result = await records.view('tandem', 'open-cases');
			return result.rows.map((row) => ({ id: row.id.slice('case:'.length), ...(row.value as Omit<OpenCase, 'id'>) }));
		},

		async conflicts(caseId?: string): Promise<{ caseId: string; userId: string; note: string; recordedAt: string }[]> {
			const docs = await docsWithPrefix<ConflictDoc>(accounts, caseId ? `coi:${caseId}:` : 'coi:');
			return docs.filter((doc) => !caseId || doc.caseId === caseId).map(({ caseId: c, userId, note, recordedAt }) => ({ caseId: c, userId, note, recordedAt }));
		},

		recordConflict: (caseId: string, userId: string, note: string, by: string, now: Date) =>
			updateDoc<ConflictDoc>(accounts, conflictId(caseId, userId), () => ({
				_id: conflictId(caseId, userId), type: 'conflict-of-interest', v: 1, caseId, userId, note, recordedBy: by, recordedAt: now.toISOString()
			})),

		async removeConflict(caseId: string, userId: string): Promise<boolean> {
			const doc = await getDoc<ConflictDoc>(accounts, conflictId(caseId, userId));
			if (!doc?._rev) return false;
			await accounts.destroy(doc._id, doc._rev);
			return true;
		},

		async caseloadLimit(): Promise<number> {
			return (await getDoc<SettingsDoc>(accounts, SETTINGS_ID))?.caseloadLimit ?? DEFAULT_CASELOAD_LIMIT;
		},

		setCaseloadLimit: (caseloadLimit: number, by: string, now: Date) =>
			updateDoc<SettingsDoc>(accounts, SETTINGS_ID, () => ({ _id: SETTINGS_ID, type: 'settings', v: 1, caseloadLimit, updatedBy: by, updatedAt: now.toISOString() }))
	};
}

export type AllocationStore = ReturnType<typeof allocationStore>;
