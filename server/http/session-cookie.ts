import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_TTL_SECONDS } from '../services/refresh-sessions.js';
import { ACCESS_TTL_SECONDS } from '../services/session-token.js';

export const SESSION_COOKIE = 'tandem_session';
export const REFRESH_COOKIE = 'tandem_refresh';

// SameSite=Strict keeps both cookies off every cross-site request: the CSRF defence, with the Origin check.
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api' } as const;

export function setSessionCookies(reply: FastifyReply, access: string, refresh?: string): void {
	reply.setCookie(SESSION_COOKIE, access, { ...cookieOptions, maxAge: ACCESS_TTL_SECONDS });
	if (refresh) reply.setCookie(REFRESH_COOKIE, refresh, { ...cookieOptions, maxAge: REFRESH_TTL_SECONDS });
}

export function clearSessionCookies(reply: FastifyReply): void {
	reply.clearCookie(SESSION_COOKIE, cookieOptions);
	reply.clearCookie(REFRESH_COOKIE, cookieOptions);
}

export const sessionCookies = (request: FastifyRequest) => ({
	access: request.cookies[SESSION_COOKIE],
	refresh: request.cookies[REFRESH_COOKIE]
});
