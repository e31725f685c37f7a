import type { FastifyInstance } from 'fastify';
import { changeRolesRequestSchema, userParamsSchema, type AccountAuditResponse, type AccountSummary } from '../../src/lib/protocol/accounts.js';
import { newUserRequestSchema, type UserListResponse } from '../../src/lib/protocol/users.js';
import { ADMINISTRATOR } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import { badRequest, conflict, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { accountAuditEntry } from '../services/account-audit.js';
import { toAccountSummary, type UserDoc } from '../services/account-store.js';
import type { Services } from '../services/services.js';

export function userRoutes(app: FastifyInstance, services: Services): void {
	const summarise = async (user: UserDoc): Promise<AccountSummary> => toAccountSummary(user, (await services.secondFactors.status(user.id)).enabled);

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/users',
		async handler() {
			const [users, withSecondFactor] = await Promise.all([services.accounts.list(), services.secondFactors.enabledUserIds()]);
			const answer: UserListResponse & { users: AccountSummary[] } = { users: users.map((user) => toAccountSummary(user, withSecondFactor.has(user.id))) };
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
			const answer: AccountSummary = toAccountSummary(created, false);
			return reply.status(201).send(answer);
		}
	});

	/**
	 * Invariant: an administrator never takes the administrator role from their own account or
	 * switches it off, so the one acting always remains able to undo a mistake.
	 */
	const refuseSelf = (actor: Actor, userId: string, path: string, message: string) => {
		if (actor.user.id === userId) throw badRequest([{ path, message }]);
	};

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/users/:userId/roles',
		params: userParamsSchema,
		body: changeRolesRequestSchema,
		async handler({ actor, params, body, now }) {
			if (!body.roles.includes('administrator')) refuseSelf(actor, params.userId, 'roles', 'Keep the administrator role on your own account; another administrator can remove it.');
			const changed = await services.accounts.setRoles(params.userId, body.roles);
			if (!changed) throw notFound();
			const roles = { before: changed.before, after: changed.user.roles };
			await services.accountAudit.append(accountAuditEntry(actor, params.userId, 'roles-changed', now, roles));
			return summarise(changed.user);
		}
	});

	/** A switched-off account cannot sign in, and its sessions stop at their next request on every process. */
	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/users/:userId/disable',
		params: userParamsSchema,
		async handler({ actor, params, now }) {
			refuseSelf(actor, params.userId, 'userId', 'You cannot switch off your own account; ask another administrator.');
			const saved = await services.accounts.setDisabled(params.userId, actor.user.id, now);
			if (!saved) throw notFound();
			if (saved.disabledAt === now.toISOString()) await services.accountAudit.append(accountAuditEntry(actor, params.userId, 'disabled', now));
			return summarise(saved);
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/users/:userId/enable',
		params: userParamsSchema,
		async handler({ actor, params, now }) {
			const saved = await services.accounts.setDisabled(params.userId, undefined, now);
			if (!saved) throw notFound();
			if (saved.sessionsValidFrom === now.toISOString()) await services.accountAudit.append(accountAuditEntry(actor, params.userId, 'enabled', now));
			return summarise(saved);
		}
	});

	/** For a lost phone: the person signs in with their password alone and sets up again. */
	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/users/:userId/second-factor/reset',
		params: userParamsSchema,
		async handler({ actor, params, now }) {
			const user = await services.accounts.findById(params.userId);
			if (!user) throw notFound();
			if (await services.secondFactors.reset(user.id)) await services.accountAudit.append(accountAuditEntry(actor, user.id, 'second-factor-reset', now));
			return summarise(user);
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/users/:userId/audit',
		params: userParamsSchema,
		async handler({ params }) {
			if (!(await services.accounts.findById(params.userId))) throw notFound();
			const answer: AccountAuditResponse = { entries: await services.accountAudit.forUser(params.userId) };
			return answer;
		}
	});
}
