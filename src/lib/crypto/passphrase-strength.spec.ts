import { describe, expect, it } from 'vitest';
import { checkPassphrase } from './passphrase-strength.js';

describe('passphrase strength', () => {
	it.each([
		['short', 'at least 12 characters'],
		['aaaaaaaaaaaaaaaa', 'more different characters'],
		['Password2026!!', 'common password'],
		['qwertyuiop12', 'common password'],
		['zz1234567890zz', 'runs like 12345'],
		['lowercaseonly', 'longer']
	])('refuses %s and says why', (passphrase, reason) => {
		const verdict = checkPassphrase(passphrase);
		expect(verdict.ok).toBe(false);
		if (!verdict.ok) expect(verdict.message).toContain(reason);
	});

	it('refuses a passphrase built on the person’s own name', () => {
		expect(checkPassphrase('Fiona-Facilitator-77', ['fiona', 'Fiona Example']).ok).toBe(false);
	});

	it('accepts a few unrelated words', () => {
		expect(checkPassphrase('copper kettle orbit 42')).toEqual({ ok: true });
		expect(checkPassphrase('Lantern-Meadow-Quiet')).toEqual({ ok: true });
	});
});
