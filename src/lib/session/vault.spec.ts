import { afterEach, describe, expect, it } from 'vitest';
import { dropKeys, isUnlocked } from '../crypto/keyring.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import { deviceDb } from '../db/device-db.js';
import { recordRepository } from '../db/record-repository.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import type { SessionUser } from '../protocol/auth.js';
import { createVault, unlockVault, unsyncedFor } from './vault.js';

const fiona: SessionUser = { id: 'u-fiona', username: 'fiona', displayName: 'Fiona Example', roles: ['facilitator'] };
const ravi: SessionUser = { id: 'u-ravi', username: 'ravi', displayName: 'Ravi Example', roles: ['facilitator'] };
const PASSPHRASE = 'copper kettle orbit 42';

describe('vault', () => {
	afterEach(async () => {
		dropKeys();
		await deviceDb().vaults.clear();
		await Promise.all([deleteUserDb(fiona.id), deleteUserDb(ravi.id)]);
	});

	it('refuses a weak passphrase and keeps no vault', async () => {
		expect((await createVault(fiona, 'fiona12345678')).ok).toBe(false);
		expect(await deviceDb().vaults.count()).toBe(0);
	});

	it('unlocks with the right passphrase after locking, and the notes are readable again', async () => {
		await createVault(fiona, PASSPHRASE);
		await recordRepository(userDb(fiona.id)).save(exampleRecords['case-note']());
		dropKeys();
		expect(await unlockVault(fiona.id, PASSPHRASE)).toEqual({ ok: true });
		expect(await recordRepository(userDb(fiona.id)).readCase('case-0001-abcd')).toHaveLength(1);
	});

	it('makes each wrong passphrase after the third wait longer, and counts down the tries left', async () => {
		await createVault(fiona, PASSPHRASE);
		dropKeys();
		let clock = 1_000_000;
		const outcomes = [];
		for (let i = 0; i < 4; i++) outcomes.push(await unlockVault(fiona.id, 'wrong guess number 1', () => clock));
		expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wait']);
		expect(outcomes[2]).toMatchObject({ attemptsLeft: 7 });
		clock += 5_000;
		expect(await unlockVault(fiona.id, PASSPHRASE, () => clock)).toEqual({ ok: true });
	});

	it('erases the key and the data after ten wrong passphrases, and says how much was unsynced beforehand', async () => {
		await createVault(fiona, PASSPHRASE);
		await recordRepository(userDb(fiona.id)).save(exampleRecords['case-note']());
		dropKeys();
		expect((await unsyncedFor(fiona.id)).count).toBe(1);
		let clock = 0;
		let last;
		for (let i = 0; i < 10; i++) {
			last = await unlockVault(fiona.id, 'wrong guess number 1', () => clock);
			clock += 10 * 60_000;
		}
		expect(last).toEqual({ ok: false, reason: 'erased' });
		expect(await deviceDb().vaults.get(fiona.id)).toBeUndefined();
		expect(await unlockVault(fiona.id, PASSPHRASE)).toEqual({ ok: false, reason: 'no-vault' });
		expect((await unsyncedFor(fiona.id)).count).toBe(0);
	}, 30_000);

	it('gives each facilitator on a shared tablet a vault the other cannot open', async () => {
		await createVault(fiona, PASSPHRASE);
		await createVault(ravi, 'lantern meadow quiet 7');
		dropKeys();
		expect((await unlockVault(ravi.id, PASSPHRASE)).ok).toBe(false);
		expect(await unlockVault(fiona.id, PASSPHRASE)).toEqual({ ok: true });
		expect(isUnlocked(ravi.id)).toBe(false);
		await expect(recordRepository(userDb(ravi.id)).readCase('x')).rejects.toThrow('locked');
	});
});
