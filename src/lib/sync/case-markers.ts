import { liveQuery, type Observable } from 'dexie';
import { openFor, requireKey } from '../db/sealing.js';
import type { UserDb } from '../db/user-db.js';
import { copyContext, type ServerCopy } from './server-copy.js';

/** What a case has waiting: changes not yet on the server, and kept conflicts for a person to settle. */
export interface CaseMarkers {
	unsynced: number;
	/** Records of the case whose server copy holds two values for some field. */
	needsDecision: number;
}

export const NO_MARKERS: CaseMarkers = { unsynced: 0, needsDecision: 0 };

/**
 * Read-only view of the outbox and the server copies, per case. The outbox is counted by its
 * clear case id; conflicts are inside the sealed copies, so those are opened (vault unlocked).
 */
export async function readCaseMarkers(db: UserDb, caseId?: string): Promise<Map<string, CaseMarkers>> {
	requireKey(db);
	const markers = new Map<string, CaseMarkers>();
	const of = (id: string) => markers.get(id) ?? (markers.set(id, { ...NO_MARKERS }), markers.get(id)!);
	const outbox = caseId === undefined ? db.outbox.toCollection() : db.outbox.where('caseId').equals(caseId);
	await outbox.each((row) => void (row.caseId && of(row.caseId).unsynced++));
	const copies = caseId === undefined ? await db.synced.where('caseId').above('').toArray() : await db.synced.where('caseId').equals(caseId).toArray();
	for (const row of copies) {
		const copy = await openFor<ServerCopy>(db, copyContext(row.id), row.enc);
		if (copy.conflicts.length > 0) of(row.caseId!).needsDecision++;
	}
	return markers;
}

export function watchCaseMarkers(db: UserDb, caseId?: string): Observable<Map<string, CaseMarkers>> {
	return liveQuery(() => readCaseMarkers(db, caseId));
}
