import { LockedError } from '../crypto/keyring.js';
import { openOutboxRow, type PendingChange } from '../db/outbox.js';
import { openCopyRow } from '../db/held-copy.js';
import { sealRecordRow } from '../db/record-repository.js';
import { openFor, sealContext, sealFor } from '../db/sealing.js';
import type { RejectionRow, StoredRecord, UserDb } from '../db/user-db.js';
import type { FieldProblem } from '../domain/validation.js';
import { parseRecord } from '../domain/records.js';
import { oneRowFields } from './one-row-copy.js';
import { pullStore } from './pull-store.js';
import { sealCopy, type ServerCopy } from './server-copy.js';

export type { ServerCopy };

export interface RejectionReason {
	code: string;
	message: string;
	fields: FieldProblem[];
}

export interface Rejection extends RejectionReason {
	mutationId: string;
	docId: string;
	caseId?: string;
	at: string;
}

/** The device's side of one push result. `copy` is absent for a filed change (the case is gone). */
export type PushSettlement =
	| { kind: 'acknowledged'; change: PendingChange; caseId?: string; copy?: ServerCopy; merged?: boolean; filed?: boolean }
	| { kind: 'rejected'; change: PendingChange; caseId?: string; reason: RejectionReason };

const rejectionContext = (row: Pick<RejectionRow, 'mutationId' | 'docId'>) => sealContext('rejections', row.mutationId, row.docId);

/** The engine's access to the encrypted device store. Every write seals first, then commits once. */
export function syncStore(db: UserDb) {
	/** The server's copy of each record: in `synced` where it differs from the working copy, else the `records` row. */
	async function serverCopies(docIds: string[]): Promise<Map<string, ServerCopy>> {
		const [synced, records] = await Promise.all([db.synced.bulkGet(docIds), db.records.bulkGet(docIds)]);
		// Opened side by side: one WebCrypto call after another would wait for each in turn.
		const opened = await Promise.all(
			docIds.map(async (docId, i) => {
				const row = synced[i] ?? (records[i]?.copy ? records[i] : undefined);
				return row ? ([docId, await openCopyRow(db, row)] as const) : undefined;
			})
		);
		return new Map(opened.filter((entry) => entry !== undefined));
	}

	return {
		...pullStore(db),

		/**
		 * Outbox entries in order after `afterSeq`, decrypted. An entry that will not open (damaged)
		 * is counted and left in the outbox, never dropped, and does not hold back the others.
		 * `withCopies`: the server copies of their records too, opened beside them.
		 */
		async pending(limit: number, afterSeq: number, withCopies = false): Promise<{ changes: PendingChange[]; lastSeq?: number; unreadable: number; copies?: Map<string, ServerCopy> }> {
			const rows = await db.outbox.where('seq').above(afterSeq).limit(limit).toArray();
			const [opened, copies] = await Promise.all([
				Promise.all(
					rows.map(async (row): Promise<PendingChange | undefined> => {
						try {
							return await openOutboxRow(db, row);
						} catch (error) {
							if (error instanceof LockedError) throw error;
							return undefined;
						}
					})
				),
				withCopies ? serverCopies([...new Set(rows.map((row) => row.docId))]) : undefined
			]);
			const changes = opened.filter((change) => change !== undefined);
			return { changes, lastSeq: rows.at(-1)?.seq, unreadable: rows.length - changes.length, ...(copies ? { copies } : {}) };
		},

		serverCopies,

		/**
		 * Records a batch's results in one transaction: each acknowledged entry leaves the outbox in
		 * the same commit that stores the server's new revision (and the merged record); a rejected
		 * one stays, with its reason beside it. A merged record replaces the working copy only when
		 * no later change of it waits in the outbox (a save made while the push was out). Answers the
		 * records whose working copy is now the server's, held in one row.
		 */
		async settle(settlements: PushSettlement[]): Promise<ReadonlySet<string>> {
			const finalCopies = new Map<string, { caseId?: string; copy: ServerCopy; working: unknown }>();
			const mergedDocs = new Set<string>();
			for (const s of settlements) {
				if (s.kind !== 'acknowledged') continue;
				// A record acknowledged twice in one batch: its last copy is the server's.
				if (s.copy) finalCopies.set(s.change.docId, { caseId: s.caseId, copy: s.copy, working: s.merged ? s.copy.record : s.change.record });
				if (s.merged) mergedDocs.add(s.change.docId);
			}
			// A filed change was kept for the coordinator, not made: the device goes back to what the
			// server holds (nothing, for a record it made), or it would show, and later build on, a
			// version the server never had if its case comes back before it is purged.
			const filedDocs = [...new Set(settlements.filter((s) => s.kind === 'acknowledged' && s.filed).map((s) => s.change.docId))];
			const held = await serverCopies(filedDocs.filter((docId) => !finalCopies.has(docId)));
			// Every seal side by side (WebCrypto works off the main thread), none inside the transaction.
			const sealRecord = async (record: unknown) => {
				const parsed = parseRecord(record);
				return parsed.ok ? sealRecordRow(db, parsed.value) : undefined;
			};
			const [rejections, copies, merged, reverted] = await Promise.all([
				Promise.all(
					settlements.flatMap((s) => {
						if (s.kind !== 'rejected') return [];
						const { change } = s;
						return [sealFor(db, rejectionContext(change), s.reason).then((enc): RejectionRow => ({ mutationId: change.mutationId, seq: change.seq, docId: change.docId, ...(s.caseId === undefined ? {} : { caseId: s.caseId }), at: change.at, enc }))];
					})
				),
				Promise.all([...finalCopies].map(([docId, { caseId, copy }]) => sealCopy(db, docId, caseId, copy))),
				// After a merge the server holds values this device lacks: its last copy becomes the working one.
				Promise.all([...mergedDocs].map(async (docId) => [docId, await sealRecord(finalCopies.get(docId)?.copy.record)] as const)),
				Promise.all(filedDocs.map(async (docId) => [docId, await sealRecord((finalCopies.get(docId)?.copy ?? held.get(docId))?.record)] as const))
			]);
			const acked = settlements.filter((s) => s.kind === 'acknowledged').map((s) => s.change);
			const ackedSeqs = new Set(acked.map((c) => c.seq));
			const oneRow = new Map([...finalCopies].flatMap(([docId, { copy, working }]) => {
				const fields = filedDocs.includes(docId) ? undefined : oneRowFields(docId, copy, working);
				return fields ? [[docId, fields] as const] : [];
			}));
			return db.transaction('rw', [db.outbox, db.synced, db.records, db.rejections], async () => {
				await db.outbox.bulkDelete([...ackedSeqs]);
				// Refusals are rare: the table is looked at once before deleting by every acknowledged id.
				if ((await db.rejections.count()) > 0) await db.rejections.bulkDelete(acked.map((c) => c.mutationId));
				if (rejections.length > 0) await db.rejections.bulkPut(rejections);
				// Nothing saved since: the working copy is the server's, in one row as a pull leaves it (and a
				// pull sending it back finds it held).
				const looked = oneRow.size > 0 && (await db.outbox.count()) > 0;
				const waiting = new Set(looked ? ((await db.outbox.where('docId').anyOf([...oneRow.keys()]).keys()) as string[]) : []);
				const single = new Set(copies.filter((row) => oneRow.has(row.id) && !waiting.has(row.id)).map((row) => row.id));
				await db.synced.bulkPut(copies.filter((row) => !single.has(row.id)));
				await db.records.bulkPut(copies.filter((row) => single.has(row.id)).map((row): StoredRecord => ({ ...oneRow.get(row.id)!, copy: true, enc: row.enc })));
				await db.synced.bulkDelete([...single]);
				for (const [docId, row] of merged) {
					if (single.has(docId)) continue;
					const later = await db.outbox.where('docId').equals(docId).count();
					if (later === 0 && row) await db.records.put(row);
				}
				for (const [docId, row] of reverted) {
					if ((await db.outbox.where('docId').equals(docId).count()) > 0) continue;
					if (row) await db.records.put(row);
					else await db.records.delete(docId);
				}
				return single;
			});
		},

		/** Refused changes, with the server's reason, for the UI to show until a person acts. */
		async rejections(): Promise<Rejection[]> {
			const rows = await db.rejections.toArray();
			return Promise.all(
				rows.map(async (row) => ({ mutationId: row.mutationId, docId: row.docId, caseId: row.caseId, at: row.at, ...(await openFor<RejectionReason>(db, rejectionContext(row), row.enc)) }))
			);
		},

		rejectedSeqs: async (): Promise<Set<number>> => new Set((await db.rejections.toArray()).map((row) => row.seq)),

		async markSynced(at: string): Promise<void> {
			await db.syncMeta.put({ key: 'records', lastSyncedAt: at });
		},

		lastSyncedAt: async (): Promise<string | undefined> => (await db.syncMeta.get('records'))?.lastSyncedAt
	};
}

export type SyncStore = ReturnType<typeof syncStore>;
