import Dexie, { type EntityTable } from 'dexie';
import type { Sealed } from '../crypto/record-cipher.js';
import type { RecordType } from '../domain/records.js';
import { flushAfterWrites, flushScheduler, flushWhenHidden, strictFlush, type FlushScheduler } from './durable-flush.js';
import { nameIndexOf, nameIndexWrites } from './name-index.js';
import { plaintextGuard } from './plaintext-guard.js';
import { CLEAR_FIELDS, USER_DB_VERSIONS } from './user-db-schema.js';

export interface SyncMeta {
	key: string;
	lastSyncedAt: string;
}

/** A case summary at rest: its id and time in clear, the rest sealed. */
export interface StoredCase {
	id: string;
	updatedAt: string;
	enc: Sealed;
}

/**
 * A domain record at rest, keyed by its document id (`case:<caseId>:<type>:<id>`). With `copy`,
 * `enc` is the server's copy `{rev, record, conflicts}` (conflicts empty) and the working copy is
 * its record: one row for a record as pulled. Without it, `enc` is the record alone and the
 * server's copy, if any, is in `synced`.
 */
export interface StoredRecord {
	id: string;
	type: RecordType;
	caseId?: string;
	createdAt: string;
	updatedAt: string;
	copy?: true;
	enc: Sealed;
}

/** A change waiting to be pushed. It commits in the same transaction as the record it carries. */
export interface OutboxRow {
	seq?: number;
	mutationId: string;
	docId: string;
	type: RecordType;
	caseId?: string;
	op: 'put';
	at: string;
	enc: Sealed;
}

/**
 * The server's copy of a record, sealed: `{rev, record, conflicts}`. Pushes diff against it. Only
 * kept here when it differs from the working copy or holds conflicts; a row here wins over a
 * `records` row marked `copy`.
 */
export interface SyncedRow {
	id: string;
	caseId?: string;
	enc: Sealed;
}

/** How far a pull has read: `case:<caseId>` per case, `service` for service-wide records. Opaque. */
export interface CheckpointRow {
	key: string;
	caseId?: string;
	checkpoint: string;
}

/** Why the server refused an outbox entry, sealed. The entry itself stays in the outbox. */
export interface RejectionRow {
	mutationId: string;
	seq: number;
	docId: string;
	caseId?: string;
	at: string;
	enc: Sealed;
}

/** Unfinished writing, autosaved: `draft:<kind>:<caseId>:<key>`. Only ids and time in clear. */
export interface DraftRow {
	id: string;
	caseId: string;
	updatedAt: string;
	enc: Sealed;
}

/** One opening of a case screen, not yet reported: only a random id and the time in clear. */
export interface AccessLogRow {
	id: string;
	at: string;
	enc: Sealed;
}

/** One database per user on a device: a shared tablet never mixes two facilitators' cases. */
export type UserDb = Dexie & {
	userId: string;
	cases: EntityTable<StoredCase, 'id'>;
	records: EntityTable<StoredRecord, 'id'>;
	outbox: EntityTable<OutboxRow, 'seq'>;
	syncMeta: EntityTable<SyncMeta, 'key'>;
	synced: EntityTable<SyncedRow, 'id'>;
	checkpoints: EntityTable<CheckpointRow, 'key'>;
	rejections: EntityTable<RejectionRow, 'mutationId'>;
	drafts: EntityTable<DraftRow, 'id'>;
	accessLog: EntityTable<AccessLogRow, 'id'>;
	/** Makes every write so far durable on disk now (writes are otherwise flushed within a second). */
	flushNow: () => Promise<void>;
};

const open = new Map<string, UserDb>();
const flushers = new Map<string, FlushScheduler>();

export function userDbName(userId: string): string {
	return `tandem-user-${userId}`;
}

export function userDb(userId: string): UserDb {
	let db = open.get(userId);
	if (!db) {
		// Relaxed: a commit no longer waits for the disk; durable-flush.ts bounds what power loss can take.
		const created = (db = new Dexie(userDbName(userId), { chromeTransactionDurability: 'relaxed' }) as UserDb);
		for (const { version, stores } of USER_DB_VERSIONS) db.version(version).stores(stores);
		const flusher: FlushScheduler = flushScheduler(() => (created.isOpen() ? strictFlush(created.backendDB(), 'syncMeta') : Promise.resolve()));
		flushers.set(userId, flusher);
		flushWhenHidden(flusher);
		db.use(plaintextGuard(CLEAR_FIELDS));
		db.use(flushAfterWrites(flusher.noteWrite));
		db.use(nameIndexWrites(() => nameIndexOf(created)));
		db.flushNow = flusher.flushNow;
		db.userId = userId;
		open.set(userId, db);
	}
	return db;
}

export async function deleteUserDb(userId: string): Promise<void> {
	flushers.get(userId)?.cancel();
	flushers.delete(userId);
	open.get(userId)?.close();
	open.delete(userId);
	await Dexie.delete(userDbName(userId));
}
