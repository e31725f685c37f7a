import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../src/lib/protocol/auth.js';
import { accountDisabled, deviceRevoked } from '../http/api-error.js';
import { clearSessionCookies, sessionCookies, setSessionCookies } from '../http/session-cookie.js';
import type { UserDoc } from '../services/account-store.js';
import { issueToken, verifyToken } from '../services/session-token.js';
import type { Services } from '../services/services.js';
import { readSignedIn } from './signed-in.js';

/** The signed-in caller of one request. */
export interface Actor {
	user: UserDoc;
	roles: Role[];
	sessionId: string;
	deviceId?: string;
}

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

/** The session the cookies name: the access token if good, else the refresh token (which renews it). */
async function resolveSession(request: FastifyRequest, reply: FastifyReply, services: Services, now: Date) {
	const { access, refresh } = sessionCookies(request);
	const claims = access ? verifyToken(services.sessionSecret, access, seconds(now)) : undefined;
	if (claims) return { userId: claims.sub, sid: claims.sid, deviceId: claims.dev };
	const session = refresh ? await services.sessions.check(refresh, now) : undefined;
	if (!session) return undefined;
	// Renewed silently, so a page open longer than an access token's life keeps working.
	setSessionCookies(reply, issueToken(services.sessionSecret, { sub: session.userId, sid: session.sid, dev: session.deviceId }, seconds(now)));
	return { userId: session.userId, sid: session.sid, deviceId: session.deviceId };
}

/**
 * Who is calling, or undefined. The user and device are read from the store on every request:
 * a role change, a signed-out session or a revoked tablet counts at once, on every process.
 * A revoked device gets the wipe answer rather than a 401, so the tablet knows to delete its data.
 * A switched-off account's sessions stop at once, and switching it back on revives none of them.
 */
export async function authenticate(request: FastifyRequest, reply: FastifyReply, services: Services, now: Date): Promise<Actor | undefined> {
	const session = await resolveSession(request, reply, services, now);
	if (!session) return undefined;
	const { startedAt, user, device } = await readSignedIn(services.couch, session.sid, session.userId, session.deviceId);
	// Signed out (the session's document is gone): as if no cookie had been sent.
	if (!startedAt) return undefined;
	if (session.deviceId && (!device || device.revokedAt)) {
		clearSessionCookies(reply);
		throw deviceRevoked();
	}
	if (!user || (user.sessionsValidFrom && startedAt < user.sessionsValidFrom)) return undefined;
	if (user.disabledAt) {
		clearSessionCookies(reply);
		throw accountDisabled();
	}
	return { user, roles: user.roles, sessionId: session.sid, ...(session.deviceId ? { deviceId: session.deviceId } : {}) };
}
