import { afterEach, describe, expect, it } from 'vitest';
import { deleteUserDb, userDb, type StoredRecord } from './user-db.js';

describe('plaintext guard', () => {
	afterEach(() => deleteUserDb('g1'));

	it('refuses a record written without encryption, whoever writes it', async () => {
		const plain = { id: 'case:c1:case-note:n1', type: 'case-note', createdAt: 'x', updatedAt: 'x', text: 'in clear' };
		await expect(userDb('g1').records.put(plain as unknown as StoredRecord)).rejects.toThrow('unencrypted');
		expect(await userDb('g1').records.count()).toBe(0);
	});

	it('refuses a sealed record that also carries a field in clear', async () => {
		const enc = { iv: new Uint8Array(12), data: new ArrayBuffer(16) };
		const leaky = { id: 'case:c1:participant:p1', type: 'participant', createdAt: 'x', updatedAt: 'x', name: 'Sam', enc };
		await expect(userDb('g1').records.put(leaky as unknown as StoredRecord)).rejects.toThrow('name');
	});
});
