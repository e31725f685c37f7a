import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueToken, SESSION_TTL_SECONDS, verifyToken } from './session-token.js';

const secret = randomBytes(32);
const now = 1_800_000_000;

describe('session tokens', () => {
	it('carries the user and roles it was issued for', () => {
		const token = issueToken(secret, 'user-1', ['facilitator'], now);
		expect(verifyToken(secret, token, now + 60)).toMatchObject({ sub: 'user-1', roles: ['facilitator'] });
	});

	it('expires after its lifetime', () => {
		const token = issueToken(secret, 'user-1', ['facilitator'], now);
		expect(verifyToken(secret, token, now + SESSION_TTL_SECONDS + 1)).toBeUndefined();
	});

	it('refuses a token whose roles were edited', () => {
		const token = issueToken(secret, 'user-1', ['facilitator'], now);
		const [, signature] = token.split('.');
		const forged = Buffer.from(JSON.stringify({ sub: 'user-1', roles: ['administrator'], iat: now, exp: now + 999 })).toString('base64url');
		expect(verifyToken(secret, `${forged}.${signature}`, now)).toBeUndefined();
	});

	it('refuses a token signed with another secret', () => {
		const token = issueToken(randomBytes(32), 'user-1', ['facilitator'], now);
		expect(verifyToken(secret, token, now)).toBeUndefined();
	});
});
