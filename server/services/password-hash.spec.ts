import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';

describe('password hashing', () => {
	it('verifies the password it hashed and refuses another', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
		expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
	});

	it('never stores the password itself and salts every hash', async () => {
		const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
		expect(a).not.toContain('same password');
		expect(a).not.toBe(b);
	});

	it('refuses a stored value it does not recognise', async () => {
		expect(await verifyPassword('anything', 'plain:anything')).toBe(false);
	});
});
