import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../src/lib/protocol/auth.js';
import { signInWithCodeRequestSchema } from '../../src/lib/protocol/second-factor.js';
import { SIGNED_IN } from '../auth/access-policy.js';
import { ApiError, accountDisabled, deviceRevoked, secondFactorRequired, tooManySignIns, unauthenticated, wrongCode } from '../http/api-error.js';
import { definePublicRoute, defineRoute } from '../http/define-route.js';
import { clearSessionCookies, setSessionCookies } from '../http/session-cookie.js';
import { toSessionUser } from '../services/account-store.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../services/password-hash.js';
import { issueToken } from '../services/session-token.js';
import type { Services } from '../services/services.js';

const signInFailed = () => new ApiError(401, 'sign-in-failed', 'The username or password is not right.');

export function sessionRoutes(app: FastifyInstance, services: Services): void {
	definePublicRoute(app, services, {
		method: 'POST',
		url: '/api/session',
		body: signInWithCodeRequestSchema,
		async handler({ body, request, reply, now }) {
			const { username, password, device, code } = body;
			if (await services.throttle.isLocked(username, request.ip, now)) throw tooManySignIns();
			const user = await services.accounts.findByUsername(username);
			// Check a hash either way, so a missing account takes as long as a wrong password.
			const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
			if (!user || !valid) {
				await services.throttle.recordFailure(username, request.ip, now);
				throw signInFailed();
			}
			// Said only after the right password, so it tells nothing to someone guessing.
			if (user.disabledAt) throw accountDisabled();
			if ((await services.secondFactors.status(user.id)).enabled) {
				if (!code) throw secondFactorRequired();
				// A wrong or replayed code counts as a failed sign-in: the same throttle guards both.
				if (!(await services.secondFactors.use(user.id, code, now))) {
					await services.throttle.recordFailure(username, request.ip, now);
					throw wrongCode(401);
				}
			}
			// Only a complete sign-in clears the count, so a known password does not reset code guessing.
			await services.throttle.recordSuccess(username);
			if (device && !(await services.devices.register(device.id, device.label, user.id, now)).ok) {
				clearSessionCookies(reply);
				throw deviceRevoked();
			}
			const session = await services.sessions.start(user.id, device?.id, now);
			const access = issueToken(services.sessionSecret, { sub: user.id, sid: session.sid, dev: device?.id }, Math.floor(now.getTime() / 1000));
			setSessionCookies(reply, access, session.token);
			const answer: SessionUser = toSessionUser(user, device?.id);
			return answer;
		}
	});

	defineRoute(app, services, SIGNED_IN, {
		method: 'GET',
		url: '/api/session',
		async handler({ actor }) {
			const answer: SessionUser = toSessionUser(actor.user, actor.deviceId);
			return answer;
		}
	});

	/** Renews the access token from the refresh cookie; any signed-in request does the same on the way. */
	definePublicRoute(app, services, {
		method: 'POST',
		url: '/api/session/refresh',
		async handler({ actor, reply, now }) {
			if (!actor) throw unauthenticated();
			const subject = { sub: actor.user.id, sid: actor.sessionId, dev: actor.deviceId };
			setSessionCookies(reply, issueToken(services.sessionSecret, subject, Math.floor(now.getTime() / 1000)));
			const answer: SessionUser = toSessionUser(actor.user, actor.deviceId);
			return answer;
		}
	});

	/** Signing out ends the refresh session in the store, so its cookies are dead on every process. */
	definePublicRoute(app, services, {
		method: 'DELETE',
		url: '/api/session',
		async handler({ actor, reply }) {
			if (actor) await services.sessions.end(actor.sessionId);
			clearSessionCookies(reply);
			return reply.status(204).send();
		}
	});
}
