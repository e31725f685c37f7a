import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an access token says: who, which refresh session it came from, on which device. */
export interface SessionClaims {
	sub: string;
	sid: string;
	dev?: string;
	iat: number;
	exp: number;
}

/** Short, so a revoked session or device stops working within minutes even without a store check. */
export const ACCESS_TTL_SECONDS = 15 * 60;

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/**
 * A signed, self-contained token: any server process holding the shared secret can check it.
 * Roles are not in it: they are read from the user's document on each request, so a change counts at once.
 */
export function issueToken(secret: Buffer, subject: { sub: string; sid: string; dev?: string }, nowSeconds: number): string {
	const claims: SessionClaims = { ...subject, iat: nowSeconds, exp: nowSeconds + ACCESS_TTL_SECONDS };
	const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
	return `${body}.${sign(secret, body)}`;
}

export function verifyToken(secret: Buffer, token: string, nowSeconds: number): SessionClaims | undefined {
	const [body, signature, extra] = token.split('.');
	if (!body || !signature || extra !== undefined) return undefined;
	const expected = Buffer.from(sign(secret, body));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionClaims;
		const valid = typeof claims.sub === 'string' && typeof claims.sid === 'string' && typeof claims.exp === 'number';
		return valid && claims.exp > nowSeconds ? claims : undefined;
	} catch {
		return undefined;
	}
}
