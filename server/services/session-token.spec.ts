import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACCESS_TTL_SECONDS, issueToken, verifyToken } from './session-token.js';

const secret = randomBytes(32);
const now = 1_800_000_000;
const subject = { sub: 'user-1', sid: 'session-1', dev: 'tablet-0001' };

describe('access tokens', () => {
	it('carries the user, session and device it was issued for', () => {
		const token = issueToken(secret, subject, now);
		expect(verifyToken(secret, token, now + 60)).toMatchObject(subject);
	});

	it('expires after its short lifetime', () => {
		const token = issueToken(secret, subject, now);
		expect(ACCESS_TTL_SECONDS).toBeLessThanOrEqual(15 * 60);
		expect(verifyToken(secret, token, now + ACCESS_TTL_SECONDS + 1)).toBeUndefined();
	});

	it('refuses a token whose user was edited', () => {
		const token = issueToken(secret, subject, now);
		const [, signature] = token.split('.');
		const forged = Buffer.from(JSON.stringify({ ...subject, sub: 'admin', iat: now, exp: now + 999 })).toString('base64url');
		expect(verifyToken(secret, `${forged}.${signature}`, now)).toBeUndefined();
	});

	it('refuses a token signed with another secret, and one with pieces added', () => {
		expect(verifyToken(secret, issueToken(randomBytes(32), subject, now), now)).toBeUndefined();
		expect(verifyToken(secret, `${issueToken(secret, subject, now)}.x`, now)).toBeUndefined();
	});
});
