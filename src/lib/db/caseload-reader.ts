import type { DomainRecord, RecordType } from '../domain/records.js';
import { openRecordRow } from './held-copy.js';
import { requireKey } from './sealing.js';
import type { UserDb } from './user-db.js';

/** Every record of the given types on the device, across cases, decrypted. Read only. */
export async function readRecordsOfTypes(db: UserDb, types: readonly RecordType[]): Promise<DomainRecord[]> {
	requireKey(db);
	const rows = await db.records.where('type').anyOf([...types]).toArray();
	return Promise.all(rows.map((row) => openRecordRow(db, row)));
}
