import { afterEach, beforeEach } from 'vitest';
import { dropKeys, isUnlocked } from '../../crypto/keyring.js';
import { unlockForTest } from '../../db/testing.js';
import { recordRepository } from '../../db/record-repository.js';
import { deleteUserDb, userDb } from '../../db/user-db.js';
import { createSyncEngine, type SyncEngineDeps, type SyncProgress } from '../sync-engine.js';
import { memoryLock } from '../sync-lock.js';
import { syncStore } from '../sync-store.js';
import { memoryServer } from './memory-server.js';

export const DEVICE_ID = 'device-0001-test';

/** One facilitator's device against an in-memory server: the real engine over fake-indexeddb. */
export function syncFixture(userId: string) {
	const server = memoryServer();
	let ids = 0;
	let minute = 0;
	const db = () => userDb(userId);
	const repo = () =>
		recordRepository(db(), {
			newId: () => `mutation-${String(++ids).padStart(4, '0')}`,
			now: () => new Date(Date.UTC(2026, 10, 1, 9, minute++)).toISOString()
		});
	const progress: SyncProgress[] = [];
	const engine = (overrides: Partial<SyncEngineDeps> = {}) =>
		createSyncEngine({
			store: syncStore(db()),
			transport: server.transport,
			lock: memoryLock(),
			deviceId: DEVICE_ID,
			isUnlocked: () => isUnlocked(userId),
			wipe: async () => undefined,
			onProgress: (p) => progress.push(p),
			...overrides
		});
	return { server, db, repo, engine, progress, store: () => syncStore(db()) };
}

export type SyncFixture = ReturnType<typeof syncFixture>;

/** A fresh unlocked device and server for each test of a describe block, with `caseIds` assigned. */
export function useSyncFixture(userId: string, ...caseIds: string[]): () => SyncFixture {
	let fixture: SyncFixture;
	beforeEach(async () => {
		await unlockForTest(userId);
		fixture = syncFixture(userId);
		fixture.server.assign(...caseIds);
	});
	afterEach(async () => (dropKeys(), await deleteUserDb(userId)));
	return () => fixture;
}
