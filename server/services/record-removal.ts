import { belongsToCase, caseChildDocId, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { statusOf } from '../store/couch.js';
import { getDoc, updateDoc, type Db } from '../store/documents.js';
import { conflictsIdOf, filedPrefix } from './sync-documents.js';

/**
 * A removed record leaves a tombstone in its case's key range, `case:<caseId>:tombstone:<rest of
 * its id>`. `_all_docs` skips deleted documents on both stores, and a pull checkpoint names only
 * hashes, so the pull could not otherwise tell a device what went: the tombstone is a version of
 * the case like any other, sent once as a deletion (see sync-pull.ts). No `_purge`: the store
 * keeps its own deletion stub; only the record's body is gone.
 */
export interface TombstoneDoc {
	_id: string;
	_rev?: string;
	type: 'tombstone';
	v: 1;
	caseId: string;
	docId: string;
	/** The last revision removed, which the deletion answer names. */
	deletedRev: string;
	removedAt: string;
	why: 'retention' | 'erasure';
}

export const tombstoneId = (caseId: string, docId: string) => caseChildDocId(caseId, 'tombstone', docId.slice(`${caseDocId(caseId)}:`.length));
export const isTombstoneId = (docId: string, caseId: string) => docId.startsWith(`${caseDocId(caseId)}:tombstone:`);

/** Removes a document at its current revision; false when it was gone already (a repeat). */
async function destroy(db: Db, docId: string): Promise<boolean> {
	for (let attempt = 1; ; attempt++) {
		const doc = await getDoc<{ _rev: string }>(db, docId);
		if (!doc) return false;
		try {
			await db.destroy(docId, doc._rev);
			return true;
		} catch (error) {
			if (statusOf(error) === 404) return false;
			if (statusOf(error) !== 409 || attempt >= 8) throw error;
		}
	}
}

/**
 * Removes one record of a case and its conflicts, tombstone first: a run that stops in between
 * leaves the record and its tombstone, and the next run finishes. Safe to repeat and to run twice
 * at once; resolves with the revision removed, or undefined when it was gone already.
 */
export async function removeCaseRecord(db: Db, caseId: string, docId: string, why: TombstoneDoc['why'], now: Date): Promise<string | undefined> {
	const doc = await getDoc<{ _rev: string }>(db, docId);
	if (!doc) return undefined;
	if (docId !== caseDocId(caseId)) {
		const id = tombstoneId(caseId, docId);
		await updateDoc<TombstoneDoc>(db, id, (current) =>
			current?.deletedRev === doc._rev ? undefined : { _id: id, type: 'tombstone', v: 1, caseId, docId, deletedRev: doc._rev, removedAt: now.toISOString(), why }
		);
	}
	await destroy(db, conflictsIdOf(docId, caseId));
	return (await destroy(db, docId)) ? doc._rev : undefined;
}

/** Everything left in a case's key range (tombstones, conflicts), for when the whole case goes. */
export async function clearCaseRange(db: Db, caseId: string): Promise<void> {
	const result = await db.list(caseRecordRange(caseId));
	const rows = result.rows.filter((row) => belongsToCase(row.id, caseId) && row.id !== caseDocId(caseId));
	if (rows.length > 0) await db.bulk({ docs: rows.map((row) => ({ _id: row.id, _rev: row.value.rev, _deleted: true })) as never });
}

/**
 * `retired:<caseId>`, outside every case range: a case retention removed whole. The pull reads it
 * for held cases that are gone, so a device is told why it lets the case go.
 */
export const retiredCaseId = (caseId: string) => `retired:${caseId}`;

/** Changes filed for the office after their author lost the case: they hold case data too. */
export async function clearFiled(db: Db, caseId: string): Promise<void> {
	const result = await db.list({ startkey: filedPrefix(caseId), endkey: `${filedPrefix(caseId)}\ufff0` });
	if (result.rows.length > 0) await db.bulk({ docs: result.rows.map((row) => ({ _id: row.id, _rev: row.value.rev, _deleted: true })) as never });
}
