import { liveQuery, type Observable } from 'dexie';
import type { RecordOf } from '../domain/records.js';
import { openRecordRow } from './held-copy.js';
import { requireKey } from './sealing.js';
import type { UserDb } from './user-db.js';

type ServiceType = 'establishment' | 'professional' | 'checklist-template';

/**
 * Live, decrypted list of one kind of service-wide record (establishments, professionals,
 * templates): these sit outside every case, so `watchCase` never sees them.
 */
export function watchServiceRecords<K extends ServiceType>(db: UserDb, type: K): Observable<RecordOf<K>[]> {
	return liveQuery(async () => {
		requireKey(db);
		const rows = (await db.records.where('type').equals(type).toArray()).filter((row) => row.caseId === undefined);
		// A pulled record may be a one-row server copy (schema v5): open it the way every reader does.
		return Promise.all(rows.map((row) => openRecordRow(db, row))) as Promise<RecordOf<K>[]>;
	});
}
