import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WrappedKey } from '../crypto/key-wrap.js';
import { dropKeys, holdKey, keyFor } from '../crypto/keyring.js';
import { deviceDb } from '../db/device-db.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb, userDbName } from '../db/user-db.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import type { SessionUser } from '../protocol/auth.js';
import { memoryLock } from './sync-lock.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';
import { wipeDevice } from './wipe.js';

const USER = 'u-sync-session';
const OTHER = 'u-sync-colleague';
const CASE = 'case-0001-abcd';

const person = (id: string): SessionUser => ({ id, username: id, displayName: 'Pat Example', roles: ['facilitator'] });
const vaultRow = (id: string) => ({ userId: id, user: person(id), key: {} as WrappedKey, failedAttempts: 0, retryAt: 0, createdAt: '2026-10-01T09:00:00.000Z' });

function deferred() {
	let release!: () => void;
	const promise = new Promise<void>((resolve) => (release = resolve));
	return { promise, release };
}

describe('sync engine: sessions, locks and revocation', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));
	afterEach(async () => {
		await deviceDb().vaults.clear();
		await deviceDb().sessions.clear();
		await deleteUserDb(OTHER);
	});

	it('erases every vault on the tablet and signs out when the server says the device was revoked', async () => {
		await deviceDb().vaults.bulkPut([vaultRow(USER), vaultRow(OTHER)]);
		await deviceDb().sessions.put({ key: 'current', user: person(USER), signedInAt: '2026-10-01T09:00:00.000Z' });
		await f.repo().save(exampleRecords['case-note']());
		await unlockForTest(OTHER);
		await userDb(OTHER).syncMeta.put({ key: 'records', lastSyncedAt: '2026-10-01T09:00:00.000Z' });
		f.server.state.revoked = true;

		expect(await f.engine({ wipe: wipeDevice }).sync()).toEqual({ status: 'wiped' });
		expect(f.server.calls.mutationsApplied).toBe(0);
		expect(await deviceDb().vaults.count()).toBe(0);
		expect(await deviceDb().sessions.get('current')).toBeUndefined();
		const names = (await indexedDB.databases()).map((db) => db.name);
		expect(names).not.toContain(userDbName(USER));
		expect(names).not.toContain(userDbName(OTHER));
	});

	it('stops quietly when the vault locks in the middle of a sync, and finishes after the next unlock', async () => {
		await f.repo().save(exampleRecords['case-note']());
		f.server.put(`case:${CASE}`, exampleRecords.case(), CASE);
		const key = keyFor(USER);
		f.server.faults.beforePullAnswer = () => dropKeys();
		expect(await f.engine().sync()).toEqual({ status: 'locked' });
		expect(await f.db().outbox.count()).toBe(0);
		expect(await f.db().records.count()).toBe(1);

		f.server.faults.beforePullAnswer = undefined;
		holdKey(USER, key);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
		expect(await f.db().records.count()).toBe(2);
		// The push was answered, and settled, before the lock: the note is on the server once.
		expect(await f.db().outbox.count()).toBe(0);
		expect(f.server.calls.mutationsApplied).toBe(1);
	});

	it('reports a locked vault before touching the network', async () => {
		dropKeys();
		expect(await f.engine().sync()).toEqual({ status: 'locked' });
		expect(f.server.calls.push + f.server.calls.pull).toBe(0);
	});

	it("makes a second tab's sync wait until the first tab's has finished", async () => {
		const lock = memoryLock();
		const [first, second] = [f.engine({ lock }), f.engine({ lock })];
		await f.repo().save(exampleRecords['case-note']());
		const gate = deferred();
		const order: string[] = [];
		f.server.faults.beforePullAnswer = async () => {
			order.push(`pull ${f.server.calls.pull}`);
			if (f.server.calls.pull === 1) await gate.promise;
		};
		const running = first.sync().then((outcome) => (order.push('first done'), outcome));
		await expect.poll(() => f.server.calls.pull).toBe(1);
		const waiting = second.sync().then((outcome) => (order.push('second done'), outcome));
		for (let i = 0; i < 20; i++) await Promise.resolve();
		expect(f.server.calls.pull).toBe(1);
		gate.release();
		expect(await Promise.all([running, waiting])).toMatchObject([{ status: 'synced', pushed: 1 }, { status: 'synced', pushed: 0 }]);
		expect(order).toEqual(['pull 1', 'first done', 'pull 2', 'second done']);
		expect(f.server.calls.push).toBe(1);
	});
});
