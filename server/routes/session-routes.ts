import type { FastifyInstance } from 'fastify';
import { signInRequestSchema, type SessionUser } from '../../src/lib/protocol/auth.js';
import { ApiError, unauthenticated } from '../http/api-error.js';
import { parseOrThrow } from '../http/parse.js';
import { clearSessionCookie, requireSession, setSessionCookie } from '../http/session-cookie.js';
import { toSessionUser } from '../services/account-store.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../services/password-hash.js';
import { issueToken } from '../services/session-token.js';
import type { Services } from '../services/services.js';

export function sessionRoutes(app: FastifyInstance, services: Services): void {
	app.post('/api/session', async (request, reply) => {
		const { username, password } = parseOrThrow(signInRequestSchema, request.body);
		const user = await services.accounts.findByUsername(username);
		// Check a hash either way, so a missing account takes as long as a wrong password.
		const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
		if (!user || !valid) throw new ApiError(401, 'sign-in-failed', 'The username or password is not right.');
		setSessionCookie(reply, issueToken(services.sessionSecret, user.id, user.roles, Math.floor(Date.now() / 1000)));
		const body: SessionUser = toSessionUser(user);
		return body;
	});

	app.get('/api/session', async (request) => {
		const claims = requireSession(request, services.sessionSecret);
		const user = await services.accounts.findById(claims.sub);
		if (!user) throw unauthenticated();
		const body: SessionUser = toSessionUser(user);
		return body;
	});

	app.delete('/api/session', async (_request, reply) => {
		clearSessionCookie(reply);
		return reply.status(204).send();
	});
}
