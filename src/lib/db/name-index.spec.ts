import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import type { DomainRecord } from '../domain/records.js';
import type { PullResponse } from '../protocol/sync-pull.js';
import { pullStore } from '../sync/pull-store.js';
import { nameIndexOf } from './name-index.js';
import { docIdOf, recordRepository } from './record-repository.js';
import { unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

const person = (id: string, name: string) => exampleWith('participant', (p) => ((p.id = id), (p.name = name), delete p.preferredName));
const names = async (text: string) => (await recordRepository(userDb('n1')).searchParticipants(text)).map((p) => p.name).sort();

function pullPage(records: ReturnType<typeof person>[]): PullResponse {
	return {
		records: records.map((record) => ({ docId: docIdOf(record as unknown as DomainRecord), caseId: 'case-0001-abcd', rev: '1-abc', record, conflicts: [] })),
		deletions: [],
		purges: [],
		checkpoints: { cases: { 'case-0001-abcd': 'checkpoint-1' } },
		done: true,
		progress: { done: records.length },
		serverTime: '2026-10-01T10:00:00.000Z'
	};
}

describe('searching people by name', () => {
	beforeEach(() => unlockForTest('n1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('n1')));

	it('finds a person saved after the first search', async () => {
		await recordRepository(userDb('n1')).save(person('participant-aa-0001', 'Ada Lovelace'));
		expect(await names('ada')).toEqual(['Ada Lovelace']);
		await recordRepository(userDb('n1')).save(person('participant-aa-0002', 'Adam Smith'));
		expect(await names('ada')).toEqual(['Ada Lovelace', 'Adam Smith']);
	});

	it('finds a person a pull brought to the device after the first search', async () => {
		expect(await names('grace')).toEqual([]);
		await pullStore(userDb('n1')).storePage(pullPage([person('participant-gh-0001', 'Grace Hopper')]));
		expect(await names('grace')).toEqual(['Grace Hopper']);
	});

	it('finds a renamed person by the new name only', async () => {
		const repo = recordRepository(userDb('n1'));
		await repo.save(person('participant-aa-0001', 'Ada Lovelace'));
		expect(await names('lovelace')).toEqual(['Ada Lovelace']);
		await repo.save(person('participant-aa-0001', 'Ada King'));
		expect(await names('lovelace')).toEqual([]);
		expect(await names('king')).toEqual(['Ada King']);
	});

	it('no longer finds the people of a case removed from the device', async () => {
		await recordRepository(userDb('n1')).storeSynced([person('participant-aa-0001', 'Ada Lovelace'), exampleRecords.case()]);
		expect(await names('ada')).toEqual(['Ada Lovelace']);
		expect(await pullStore(userDb('n1')).purgeCase('case-0001-abcd')).toBe(true);
		expect(await names('ada')).toEqual([]);
	});

	it('holds no names once the vault locks, and will not search until it is unlocked', async () => {
		await recordRepository(userDb('n1')).save(person('participant-aa-0001', 'Ada Lovelace'));
		expect(await names('ada')).toEqual(['Ada Lovelace']);
		dropKeys();
		expect(nameIndexOf(userDb('n1')).size).toBe(0);
		await expect(names('ada')).rejects.toThrow('locked');
		expect(nameIndexOf(userDb('n1')).size).toBe(0);
	});

	it('keeps no names from a search that was still decrypting when the vault locked', async () => {
		await recordRepository(userDb('n1')).storeSynced([person('participant-aa-0001', 'Ada Lovelace')]);
		const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
		// The vault locks while the row is being decrypted: the decryption itself still succeeds.
		const spy = vi.spyOn(crypto.subtle, 'decrypt').mockImplementation((...args) => (dropKeys(), decrypt(...args)));
		await names('ada').catch(() => undefined);
		spy.mockRestore();
		expect(nameIndexOf(userDb('n1')).size).toBe(0);
	});
});
