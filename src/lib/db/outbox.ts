import { liveQuery, type Observable } from 'dexie';
import type { DomainRecord } from '../domain/records.js';
import type { ConflictResolution } from '../protocol/sync-conflict.js';
import { outboxContext } from './record-repository.js';
import { openFor } from './sealing.js';
import type { OutboxRow, UserDb } from './user-db.js';

export interface PendingChange {
	seq: number;
	mutationId: string;
	docId: string;
	at: string;
	record: DomainRecord;
	/**
	 * The record on this device just before this save. The change sent to the server is the
	 * difference between the two, so an edit never carries values it did not touch.
	 */
	before?: DomainRecord;
	/** Conflicts this save settles: the values the person saw, sent as the mutation's `resolves`. */
	resolves?: ConflictResolution[];
}

/** What an outbox row holds inside its sealed `enc`. */
export interface SealedChange {
	op: 'put';
	record: DomainRecord;
	before?: DomainRecord;
	resolves?: ConflictResolution[];
	at: string;
}

export interface UnsyncedSummary {
	count: number;
	oldestAt?: string;
}

/** Decrypts one outbox row into the change it holds. */
export async function openOutboxRow(db: UserDb, row: OutboxRow): Promise<PendingChange> {
	const { record, before, resolves } = await openFor<SealedChange>(db, outboxContext(row), row.enc);
	return {
		seq: row.seq!,
		mutationId: row.mutationId,
		docId: row.docId,
		at: row.at,
		record,
		...(before ? { before } : {}),
		...(resolves?.length ? { resolves } : {})
	};
}

/**
 * Changes made on this device and not yet accepted by the server. Counting needs no key, so a
 * locked vault can still say how much unsynced work a wipe or a sign-out would lose.
 */
export function outbox(db: UserDb) {
	const summary = async (): Promise<UnsyncedSummary> => {
		const count = await db.outbox.count();
		const oldest = await db.outbox.orderBy('at').first();
		return { count, oldestAt: oldest?.at };
	};
	return {
		summary,
		watchSummary: (): Observable<UnsyncedSummary> => liveQuery(summary),

		/** The oldest changes first, decrypted for pushing. */
		async take(limit: number): Promise<PendingChange[]> {
			const rows = await db.outbox.orderBy('seq').limit(limit).toArray();
			return Promise.all(rows.map((row) => openOutboxRow(db, row)));
		},

		/** The changes of one record still waiting, oldest first. */
		async pendingFor(docId: string): Promise<PendingChange[]> {
			const rows = await db.outbox.where('docId').equals(docId).sortBy('seq');
			return Promise.all(rows.map((row) => openOutboxRow(db, row)));
		},

		/** Removes changes the server has acknowledged. */
		acknowledge: (seqs: number[]) => db.outbox.bulkDelete(seqs)
	};
}
