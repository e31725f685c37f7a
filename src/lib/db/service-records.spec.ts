import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import { copyContext } from './held-copy.js';
import { recordRepository } from './record-repository.js';
import { sealFor } from './sealing.js';
import { watchServiceRecords } from './service-records.js';
import { unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

const first = <T>(observable: { subscribe: (next: (value: T) => void, error: (e: unknown) => void) => { unsubscribe: () => void } }) =>
	new Promise<T>((resolve, reject) => {
		const subscription = observable.subscribe((value) => (subscription?.unsubscribe(), resolve(value)), reject);
	});

describe('service records on the device', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('lists the establishments the server sent, decrypted, and no case records', async () => {
		const db = userDb('u1');
		await recordRepository(db).storeSynced([exampleRecords.establishment(), exampleRecords.participant()]);
		const establishments = await first(watchServiceRecords(db, 'establishment'));
		expect(establishments.map((e) => e.name)).toEqual(['HMP Example']);
	});

	it('lists establishments a pull stored as one-row server copies', async () => {
		const db = userDb('u1');
		const establishment = exampleRecords.establishment();
		const { id, createdAt, updatedAt } = establishment;
		const enc = await sealFor(db, copyContext(id), { rev: '1-a', record: establishment, conflicts: [] });
		await db.records.put({ id, type: 'establishment', createdAt, updatedAt, copy: true, enc });
		const establishments = await first(watchServiceRecords(db, 'establishment'));
		expect(establishments.map((e) => e.name)).toEqual(['HMP Example']);
	});

	it('are not read while the vault is locked', async () => {
		const db = userDb('u1');
		await recordRepository(db).storeSynced([exampleRecords.establishment()]);
		dropKeys();
		await expect(first(watchServiceRecords(db, 'establishment'))).rejects.toThrow('locked');
	});
});
