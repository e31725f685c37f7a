import type { FastifyInstance } from 'fastify';
import {
	acceptInvitationRequestSchema,
	invitationRequestSchema,
	invitationTokenParamsSchema,
	type InvitationResponse,
	type InvitationStatus
} from '../../src/lib/protocol/admin.js';
import { ADMINISTRATOR } from '../auth/access-policy.js';
import { ApiError, conflict } from '../http/api-error.js';
import { definePublicRoute, defineRoute } from '../http/define-route.js';
import { accountAuditEntry } from '../services/account-audit.js';
import { toAccountSummary } from '../services/account-store.js';
import { generatePassword } from '../services/first-administrator.js';
import type { Services } from '../services/services.js';

// One answer for an invitation that never existed, has expired, or was used: it tells nothing more.
const invitationClosed = () =>
	new ApiError(404, 'not-found', 'This invitation has closed: it was used already or it has expired. Ask your service’s administrator for a new one.');

export function invitationRoutes(app: FastifyInstance, services: Services): void {
	/** Makes the account at once (so its username is held) with a password nobody knows, and a link to set one. */
	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/invitations',
		body: invitationRequestSchema,
		async handler({ actor, body, reply, now }) {
			const created = await services.accounts.create({ ...body, password: generatePassword() }, now);
			if (!created) throw conflict('That username is taken; choose another.');
			const { token, expiresAt } = await services.invitations.create(created.id, actor.user.id, now);
			await services.accountAudit.append(accountAuditEntry(actor, created.id, 'invited', now, { before: [], after: created.roles }));
			const answer: InvitationResponse = { user: toAccountSummary(created, false), token, path: `/invitation/${token}`, expiresAt };
			return reply.status(201).send(answer);
		}
	});

	/** Tokens are 32 random bytes, so answering whether one is open tells a guesser nothing useful. */
	definePublicRoute(app, services, {
		method: 'GET',
		url: '/api/public/invitations/:token',
		params: invitationTokenParamsSchema,
		async handler({ params, now }) {
			const open = await services.invitations.find(params.token, now);
			const user = open && (await services.accounts.findById(open.userId));
			if (!open || !user || user.disabledAt) throw invitationClosed();
			const answer: InvitationStatus = { username: user.username, displayName: user.displayName, expiresAt: open.expiresAt };
			return answer;
		}
	});

	definePublicRoute(app, services, {
		method: 'POST',
		url: '/api/public/invitations/:token',
		params: invitationTokenParamsSchema,
		body: acceptInvitationRequestSchema,
		bodyLimit: 4 * 1024,
		async handler({ params, body, now }) {
			const open = await services.invitations.find(params.token, now);
			const user = open && (await services.accounts.findById(open.userId));
			if (!open || !user || user.disabledAt || !(await services.invitations.use(params.token, now))) throw invitationClosed();
			await services.accounts.setPassword(user.id, body.password, now);
			await services.accountAudit.append(accountAuditEntry({ user: { id: user.id } }, user.id, 'password-set', now));
			return { username: user.username, message: 'Your password is set. Sign in with your username and the password you chose.' };
		}
	});
}
