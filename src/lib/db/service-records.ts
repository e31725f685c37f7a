import { liveQuery, type Observable } from 'dexie';
import type { DomainRecord, RecordOf } from '../domain/records.js';
import { openFor, requireKey, sealContext } from './sealing.js';
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
		return Promise.all(rows.map((row) => openFor<DomainRecord>(db, sealContext('records', row.id, row.type), row.enc))) as Promise<RecordOf<K>[]>;
	});
}
