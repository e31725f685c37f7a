import { sealContext, sealFor } from '../db/sealing.js';
import type { SyncedRow, UserDb } from '../db/user-db.js';
import type { ConflictEntry } from '../protocol/sync-conflict.js';

/** What the server holds for a record, as far as this device knows: pushes diff against it. */
export interface ServerCopy {
	rev: string;
	record: Record<string, unknown>;
	/** Values kept for a person to choose between; they travel with the record. */
	conflicts: ConflictEntry[];
}

export const copyContext = (docId: string) => sealContext('synced', docId, 'server-copy');

export async function sealCopy(db: UserDb, docId: string, caseId: string | undefined, copy: ServerCopy): Promise<SyncedRow> {
	const row: SyncedRow = { id: docId, caseId, enc: await sealFor(db, copyContext(docId), copy) };
	if (row.caseId === undefined) delete row.caseId;
	return row;
}
