import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { caseId } from '../../src/lib/domain/fields.js';
import { offlineReadsRequestSchema, type AuditLogResponse } from '../../src/lib/protocol/audit.js';
import { caseParamsSchema, type FacilitatorsResponse } from '../../src/lib/protocol/cases.js';
import { SIGNED_IN, caseAccess } from '../auth/access-policy.js';
import { badRequest, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { auditEntry } from '../services/audit-log.js';
import type { Services } from '../services/services.js';

const assignmentParams = v.strictObject({ caseId, userId: v.pipe(v.string(), v.uuid('Use a user id from the list of people')) });

export function oversightRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, caseAccess('oversee'), {
		method: 'GET',
		url: '/api/cases/:caseId/audit',
		params: caseParamsSchema,
		async handler({ params }) {
			const answer: AuditLogResponse = { entries: await services.audit.forCase(params.caseId) };
			return answer;
		}
	});

	/**
	 * Order matters for need-to-know: on assigning, the case lists the facilitator after the
	 * assignment exists; on unassigning, the assignment (what access rests on) goes first.
	 */
	defineRoute(app, services, caseAccess('oversee'), {
		method: 'PUT',
		url: '/api/cases/:caseId/facilitators/:userId',
		params: assignmentParams,
		async handler({ actor, params, now }) {
			const person = await services.accounts.findById(params.userId);
			if (!person) throw notFound();
			if (!person.roles.includes('facilitator')) throw badRequest([{ path: 'userId', message: 'Choose a person who is a facilitator' }]);
			const record = await services.cases.get(params.caseId);
			if (record && !record.facilitatorIds.includes(person.id) && record.facilitatorIds.length >= 2)
				throw badRequest([{ path: 'userId', message: 'A case has at most two facilitators; remove one first' }]);
			await services.accounts.assign(person.id, params.caseId, now);
			const saved = await services.cases.setFacilitators(params.caseId, (ids) => (ids.includes(person.id) ? ids : [...ids, person.id]), actor.user.id, now);
			await services.audit.append([auditEntry(actor, params.caseId, 'change', now, { recordId: params.caseId })]);
			const answer: FacilitatorsResponse = { facilitatorIds: saved?.facilitatorIds ?? [] };
			return answer;
		}
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'DELETE',
		url: '/api/cases/:caseId/facilitators/:userId',
		params: assignmentParams,
		async handler({ actor, params, now }) {
			await services.accounts.unassign(params.userId, params.caseId);
			const saved = await services.cases.setFacilitators(params.caseId, (ids) => ids.filter((id) => id !== params.userId), actor.user.id, now);
			await services.audit.append([auditEntry(actor, params.caseId, 'change', now, { recordId: params.caseId })]);
			const answer: FacilitatorsResponse = { facilitatorIds: saved?.facilitatorIds ?? [] };
			return answer;
		}
	});

	/**
	 * Reads a tablet made offline, reported at its next contact, each with the device's own time.
	 * Accepted for any well-formed case id and answered the same way, so it tells nothing of which cases exist.
	 */
	defineRoute(app, services, SIGNED_IN, {
		method: 'POST',
		url: '/api/audit/offline-reads',
		body: offlineReadsRequestSchema,
		async handler({ actor, body, reply, now }) {
			if (!actor.deviceId) throw badRequest([{ path: '(device)', message: 'Only a registered device reports offline reads; sign in with its device id' }]);
			const entries = body.reads.map((read) =>
				auditEntry(actor, read.caseId, 'read', now, { recordId: read.recordId, deviceTime: read.at, source: 'offline-report' })
			);
			await services.audit.append(entries);
			return reply.status(202).send({ recorded: entries.length });
		}
	});
}
