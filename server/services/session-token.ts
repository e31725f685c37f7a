import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../src/lib/protocol/auth.js';

export interface SessionClaims {
	sub: string;
	roles: Role[];
	iat: number;
	exp: number;
}

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** A signed, self-contained token: any server process holding the shared secret can check it. */
export function issueToken(secret: Buffer, sub: string, roles: Role[], nowSeconds: number): string {
	const claims: SessionClaims = { sub, roles, iat: nowSeconds, exp: nowSeconds + SESSION_TTL_SECONDS };
	const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
	return `${body}.${sign(secret, body)}`;
}

export function verifyToken(secret: Buffer, token: string, nowSeconds: number): SessionClaims | undefined {
	const [body, signature] = token.split('.');
	if (!body || !signature) return undefined;
	const expected = Buffer.from(sign(secret, body));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionClaims;
		return typeof claims.exp === 'number' && claims.exp > nowSeconds ? claims : undefined;
	} catch {
		return undefined;
	}
}
