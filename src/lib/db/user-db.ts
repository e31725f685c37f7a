import Dexie, { type EntityTable } from 'dexie';
import type { CaseSummary } from '../protocol/cases.js';

export interface SyncMeta {
	key: 'cases';
	lastSyncedAt: string;
}

/** One database per user on a device: a shared tablet never mixes two facilitators' cases. */
export type UserDb = Dexie & {
	cases: EntityTable<CaseSummary, 'id'>;
	syncMeta: EntityTable<SyncMeta, 'key'>;
};

const open = new Map<string, UserDb>();

export function userDbName(userId: string): string {
	return `tandem-user-${userId}`;
}

export function userDb(userId: string): UserDb {
	let db = open.get(userId);
	if (!db) {
		db = new Dexie(userDbName(userId)) as UserDb;
		db.version(1).stores({ cases: 'id, reference, stage, updatedAt', syncMeta: 'key' });
		open.set(userId, db);
	}
	return db;
}

export async function deleteUserDb(userId: string): Promise<void> {
	open.get(userId)?.close();
	open.delete(userId);
	await Dexie.delete(userDbName(userId));
}
