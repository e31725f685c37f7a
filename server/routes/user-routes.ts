import type { FastifyInstance } from 'fastify';
import { newUserRequestSchema, type UserListResponse, type UserSummary } from '../../src/lib/protocol/users.js';
import { ADMINISTRATOR } from '../auth/access-policy.js';
import { conflict } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { toUserSummary } from '../services/account-store.js';
import type { Services } from '../services/services.js';

export function userRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/users',
		async handler() {
			const answer: UserListResponse = { users: (await services.accounts.list()).map(toUserSummary) };
			return answer;
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/users',
		body: newUserRequestSchema,
		async handler({ body, reply, now }) {
			const created = await services.accounts.create(body, now);
			if (!created) throw conflict('That username is taken; choose another.');
			const answer: UserSummary = toUserSummary(created);
			return reply.status(201).send(answer);
		}
	});
}
