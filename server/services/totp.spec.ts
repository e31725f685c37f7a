import { describe, expect, it } from 'vitest';
import { codeAt, fromBase32, matchingStep, newTotpSecret, otpauthUri, stepAt, toBase32 } from './totp.js';

// RFC 6238 appendix B, SHA-1 rows: the 8-digit codes, whose last 6 digits are the 6-digit codes.
const RFC_KEY = Buffer.from('12345678901234567890');
const RFC_ROWS: [number, string][] = [
	[59, '94287082'],
	[1111111109, '07081804'],
	[1111111111, '14050471'],
	[1234567890, '89005924'],
	[2000000000, '69279037'],
	[20000000000, '65353130']
];

describe('time-based one-time codes', () => {
	it.each(RFC_ROWS)('gives the RFC 6238 code at %i seconds', (seconds, code) => {
		expect(codeAt(RFC_KEY, stepAt(seconds), 8)).toBe(code);
		expect(codeAt(RFC_KEY, stepAt(seconds))).toBe(code.slice(2));
	});

	it('reads back the base32 secret it writes', () => {
		const secret = newTotpSecret();
		expect(secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(toBase32(fromBase32(secret))).toBe(secret);
		expect(toBase32(RFC_KEY)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
	});

	it('accepts the code of the step before and after now, and no further', () => {
		const secret = toBase32(RFC_KEY);
		const now = 1_800_000_000;
		for (const offset of [-1, 0, 1]) expect(matchingStep(secret, codeAt(RFC_KEY, stepAt(now) + offset), now)).toBe(stepAt(now) + offset);
		for (const offset of [-2, 2]) expect(matchingStep(secret, codeAt(RFC_KEY, stepAt(now) + offset), now)).toBeUndefined();
	});

	it('refuses a code from a step already used, so a seen code cannot be replayed', () => {
		const secret = toBase32(RFC_KEY);
		const now = 1_800_000_000;
		const code = codeAt(RFC_KEY, stepAt(now));
		expect(matchingStep(secret, code, now, stepAt(now))).toBeUndefined();
		expect(matchingStep(secret, code, now, stepAt(now) - 1)).toBe(stepAt(now));
	});

	it('names the account and the issuer in the URI an authenticator app scans', () => {
		const uri = new URL(otpauthUri('GEZDGNBV', 'coord'));
		expect(uri.protocol).toBe('otpauth:');
		expect(`${uri.host}${decodeURIComponent(uri.pathname)}`).toBe('totp/Tandem:coord');
		expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: 'GEZDGNBV', issuer: 'Tandem', algorithm: 'SHA1', digits: '6', period: '30' });
	});
});
