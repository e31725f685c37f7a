import type { FastifyReply, FastifyRequest } from 'fastify';
import { unauthenticated } from './api-error.js';
import { SESSION_TTL_SECONDS, verifyToken, type SessionClaims } from '../services/session-token.js';

export const SESSION_COOKIE = 'tandem_session';

const cookieOptions = {
	httpOnly: true,
	secure: true,
	sameSite: 'strict',
	path: '/api'
} as const;

export function setSessionCookie(reply: FastifyReply, token: string): void {
	reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_TTL_SECONDS });
}

export function clearSessionCookie(reply: FastifyReply): void {
	reply.clearCookie(SESSION_COOKIE, cookieOptions);
}

/** The signed-in caller, or a 401. Every route that touches records goes through this. */
export function requireSession(request: FastifyRequest, secret: Buffer): SessionClaims {
	const token = request.cookies[SESSION_COOKIE];
	const claims = token ? verifyToken(secret, token, Math.floor(Date.now() / 1000)) : undefined;
	if (!claims) throw unauthenticated();
	return claims;
}
