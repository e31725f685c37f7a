import type { FastifyInstance } from 'fastify';
import { establishmentParamsSchema, establishmentRequestSchema, type EstablishmentListResponse } from '../../src/lib/protocol/admin.js';
import { ADMINISTRATOR, OFFICE } from '../auth/access-policy.js';
import { badRequest, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { serviceAuditEntry } from '../services/service-audit.js';
import type { Services } from '../services/services.js';

/** Prisons the service visits: service records, so each change reaches every tablet at its next sync. */
export function establishmentRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/establishments',
		async handler() {
			const answer: EstablishmentListResponse = { establishments: await services.serviceRecords.establishments() };
			return answer;
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/establishments',
		body: establishmentRequestSchema,
		async handler({ actor, body, reply, now }) {
			const made = await services.serviceRecords.createEstablishment(body, actor.user.id, now);
			if (!made.ok) throw badRequest(made.problems);
			await services.serviceAudit.append(serviceAuditEntry(actor, 'establishment', made.value.id, 'create', now));
			return reply.status(201).send(made.value);
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/establishments/:establishmentId',
		params: establishmentParamsSchema,
		body: establishmentRequestSchema,
		async handler({ actor, params, body, now }) {
			const changed = await services.serviceRecords.changeEstablishment(params.establishmentId, body, now);
			if (!changed) throw notFound();
			if (!changed.result.ok) throw badRequest(changed.result.problems);
			if (changed.fields.length > 0) await services.serviceAudit.append(serviceAuditEntry(actor, 'establishment', params.establishmentId, 'change', now, changed.fields));
			return changed.result.value;
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/establishments/:establishmentId/audit',
		params: establishmentParamsSchema,
		handler: async ({ params }) => ({ entries: await services.serviceAudit.forRecord('establishment', params.establishmentId) })
	});
}
