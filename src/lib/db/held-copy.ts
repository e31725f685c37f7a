import type { DomainRecord } from '../domain/records.js';
import type { ConflictEntry } from '../protocol/sync-conflict.js';
import { openFor, sealContext } from './sealing.js';
import type { StoredRecord, SyncedRow, UserDb } from './user-db.js';

/** What the server holds for a record, as far as this device knows: pushes diff against it. */
export interface ServerCopy {
	rev: string;
	record: Record<string, unknown>;
	/** Values kept for a person to choose between; they travel with the record. */
	conflicts: ConflictEntry[];
}

/**
 * One context for the server copy wherever it sits: in `synced`, or as a `records` row marked
 * `copy` (the working copy is the server's, see user-db-schema v5). The sealed bytes move between
 * the two tables as they are, never re-sealed.
 */
export const copyContext = (docId: string) => sealContext('synced', docId, 'server-copy');
export const recordContext = (row: Pick<StoredRecord, 'id' | 'type'>) => sealContext('records', row.id, row.type);

/** The working copy in a `records` row, in either form. */
export async function openRecordRow(db: UserDb, row: StoredRecord): Promise<DomainRecord> {
	if (row.copy) return (await openFor<ServerCopy>(db, copyContext(row.id), row.enc)).record as unknown as DomainRecord;
	return openFor<DomainRecord>(db, recordContext(row), row.enc);
}

/** The server copy a `records` row stands for, when it is in the server-copy form. */
export function openCopyRow(db: UserDb, row: StoredRecord | SyncedRow): Promise<ServerCopy> {
	return openFor<ServerCopy>(db, copyContext(row.id), row.enc);
}

/** The `synced` row a server-copy `records` row becomes when the working copy starts to differ. */
export function syncedRowOf(row: StoredRecord): SyncedRow {
	const synced: SyncedRow = { id: row.id, caseId: row.caseId, enc: row.enc };
	if (synced.caseId === undefined) delete synced.caseId;
	return synced;
}
