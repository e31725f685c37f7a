import { liveQuery, type Observable } from 'dexie';
import { requireKey } from '../db/sealing.js';
import type { UserDb } from '../db/user-db.js';
import { caseConflicts } from './case-conflicts.js';

/** What a case has waiting: changes not yet on the server, and kept conflicts for a person to settle. */
export interface CaseMarkers {
	unsynced: number;
	/** Records of the case whose server copy holds two values for some field not yet decided on this device. */
	needsDecision: number;
}

export const NO_MARKERS: CaseMarkers = { unsynced: 0, needsDecision: 0 };

/**
 * Read-only view of the outbox and the server copies, per case. The outbox is counted by its
 * clear case id; conflicts come from caseConflicts, so a decision waiting in the outbox no longer counts.
 */
export async function readCaseMarkers(db: UserDb, caseId?: string): Promise<Map<string, CaseMarkers>> {
	requireKey(db);
	const markers = new Map<string, CaseMarkers>();
	const of = (id: string) => markers.get(id) ?? (markers.set(id, { ...NO_MARKERS }), markers.get(id)!);
	const outbox = caseId === undefined ? db.outbox.toCollection() : db.outbox.where('caseId').equals(caseId);
	await outbox.each((row) => void (row.caseId && of(row.caseId).unsynced++));
	const conflicts = caseConflicts(db);
	const caseIds = caseId === undefined ? ((await db.synced.where('caseId').above('').uniqueKeys()) as string[]) : [caseId];
	for (const id of caseIds) {
		const records = (await conflicts.inCase(id)).length;
		if (records > 0) of(id).needsDecision = records;
	}
	return markers;
}

export function watchCaseMarkers(db: UserDb, caseId?: string): Observable<Map<string, CaseMarkers>> {
	return liveQuery(() => readCaseMarkers(db, caseId));
}
