import type { FastifyInstance } from 'fastify';
import { oneTimeCodeRequestSchema, type SecondFactorEnrolment, type SecondFactorStatus } from '../../src/lib/protocol/second-factor.js';
import { OFFICE } from '../auth/access-policy.js';
import { conflict, tooManySignIns, wrongCode } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { accountAuditEntry } from '../services/account-audit.js';
import type { Services } from '../services/services.js';
import { otpauthUri } from '../services/totp.js';

/** The caller's own second factor: set up, confirm with a first code, turn off with a current one. */
export function secondFactorRoutes(app: FastifyInstance, services: Services): void {
	const url = '/api/session/second-factor';

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url,
		async handler({ actor }) {
			const answer: SecondFactorStatus = await services.secondFactors.status(actor.user.id);
			return answer;
		}
	});

	/** The secret leaves the server here and nowhere else; setting up again makes a new one. */
	defineRoute(app, services, OFFICE, {
		method: 'POST',
		url,
		async handler({ actor, reply, now }) {
			const secret = await services.secondFactors.begin(actor.user.id, now);
			if (!secret) throw conflict('Your second factor is on already. Turn it off first to set up a new phone.');
			const answer: SecondFactorEnrolment = { secret, uri: otpauthUri(secret, actor.user.username) };
			return reply.status(201).send(answer);
		}
	});

	defineRoute(app, services, OFFICE, {
		method: 'POST',
		url: `${url}/confirm`,
		body: oneTimeCodeRequestSchema,
		async handler({ actor, body, now }) {
			if (!(await services.secondFactors.confirm(actor.user.id, body.code, now))) throw wrongCode(400);
			await services.accountAudit.append(accountAuditEntry(actor, actor.user.id, 'second-factor-enabled', now));
			const answer: SecondFactorStatus = { enabled: true, pending: false };
			return answer;
		}
	});

	/** Needs a current code, so a session left open on a shared PC cannot weaken the account. */
	defineRoute(app, services, OFFICE, {
		method: 'POST',
		url: `${url}/disable`,
		body: oneTimeCodeRequestSchema,
		async handler({ actor, body, request, now }) {
			const { username } = actor.user;
			if (await services.throttle.isLocked(username, request.ip, now)) throw tooManySignIns();
			if (!(await services.secondFactors.disable(actor.user.id, body.code, now))) {
				await services.throttle.recordFailure(username, request.ip, now);
				throw wrongCode(400);
			}
			await services.accountAudit.append(accountAuditEntry(actor, actor.user.id, 'second-factor-disabled', now));
			const answer: SecondFactorStatus = { enabled: false, pending: false };
			return answer;
		}
	});
}
