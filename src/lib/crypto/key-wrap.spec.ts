import { describe, expect, it } from 'vitest';
import { createDataKey, PBKDF2_ITERATIONS, unwrapDataKey } from './key-wrap.js';
import { seal, unseal } from './record-cipher.js';

describe('data key wrapping', () => {
	it('opens with the passphrase it was made with, and not with another', async () => {
		const { key, stored } = await createDataKey('copper kettle orbit 42');
		expect(stored.iterations).toBeGreaterThanOrEqual(600_000);
		expect(stored.iterations).toBe(PBKDF2_ITERATIONS);
		const sealed = await seal(key, 'records|a|case-note', { text: 'hello' });
		const again = await unwrapDataKey('copper kettle orbit 42', stored);
		expect(again).not.toBeNull();
		expect(await unseal(again!, 'records|a|case-note', sealed)).toEqual({ text: 'hello' });
		expect(await unwrapDataKey('copper kettle orbit 43', stored)).toBeNull();
	});

	it('never lets the data key be exported', async () => {
		const { key } = await createDataKey('copper kettle orbit 42');
		expect(key.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
	});
});

describe('record cipher', () => {
	it('refuses a ciphertext moved onto another record', async () => {
		const { key } = await createDataKey('copper kettle orbit 42');
		const sealed = await seal(key, 'records|note-a|case-note', { text: 'about A' });
		await expect(unseal(key, 'records|note-b|case-note', sealed)).rejects.toThrow();
	});

	it('uses a fresh IV for every write of the same value', async () => {
		const { key } = await createDataKey('copper kettle orbit 42');
		const one = await seal(key, 'x', { same: true });
		const two = await seal(key, 'x', { same: true });
		expect(one.iv).not.toEqual(two.iv);
	});
});
