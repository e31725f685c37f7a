import type { FastifyInstance } from 'fastify';
import { publishTemplateRequestSchema, templateParamsSchema, type TemplateListResponse } from '../../src/lib/protocol/admin.js';
import { ADMINISTRATOR, OFFICE } from '../auth/access-policy.js';
import { badRequest, conflict, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { serviceAuditEntry } from '../services/service-audit.js';
import type { Services } from '../services/services.js';

/** Checklist templates: versions are published, never edited; tablets use the newest for new runs. */
export function templateRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/checklist-templates',
		async handler() {
			const answer: TemplateListResponse = { templates: await services.serviceRecords.templates() };
			return answer;
		}
	});

	/**
	 * Publishes the version after `basedOnVersion`. If someone else published since, the number is
	 * taken and the answer is a conflict, so nobody's edit quietly replaces another's.
	 */
	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/checklist-templates/:templateId/versions',
		params: templateParamsSchema,
		body: publishTemplateRequestSchema,
		async handler({ actor, params, body, reply, now }) {
			if (!(await services.serviceRecords.templateVersion(params.templateId, body.basedOnVersion))) throw notFound();
			const newest = (await services.serviceRecords.templates()).filter((t) => t.templateId === params.templateId)[0]?.version ?? 0;
			if (body.basedOnVersion !== newest) throw badRequest([{ path: 'basedOnVersion', message: `Start from the newest version, ${newest}` }]);
			const { basedOnVersion, ...wording } = body;
			const published = await services.serviceRecords.publishTemplate(params.templateId, wording, basedOnVersion + 1, actor.user.id, now);
			if (published === 'taken') throw conflict('Someone published a new version of this template meanwhile. Open the newest version and make your change again.');
			if (!published.ok) throw badRequest(published.problems);
			await services.serviceAudit.append(serviceAuditEntry(actor, 'checklist-template', published.value.id, 'create', now));
			return reply.status(201).send(published.value);
		}
	});
}
