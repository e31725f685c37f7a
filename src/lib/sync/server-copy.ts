import { copyContext, type ServerCopy } from '../db/held-copy.js';
import { sealFor } from '../db/sealing.js';
import type { SyncedRow, UserDb } from '../db/user-db.js';

export { copyContext, type ServerCopy };

export async function sealCopy(db: UserDb, docId: string, caseId: string | undefined, copy: ServerCopy): Promise<SyncedRow> {
	const row: SyncedRow = { id: docId, caseId, enc: await sealFor(db, copyContext(docId), copy) };
	if (row.caseId === undefined) delete row.caseId;
	return row;
}
