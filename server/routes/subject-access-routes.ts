import type { FastifyInstance } from 'fastify';
import {
	subjectExportRequestSchema,
	subjectReviewRequestSchema,
	subjectSearchQuerySchema,
	type SubjectReviewResponse,
	type SubjectSearchResponse
} from '../../src/lib/protocol/subject-access.js';
import { COORDINATOR } from '../auth/access-policy.js';
import { defineRoute } from '../http/define-route.js';
import { auditEntry } from '../services/audit-log.js';
import type { Services } from '../services/services.js';
import { buildSubjectReview } from '../services/subject-access.js';
import { exportSubject } from '../services/subject-access-export.js';
import { loadSubjectMaterial } from '../services/subject-access-material.js';
import { searchSubjects } from '../services/subject-access-search.js';

/** Subject access requests: coordinators only, across every case of the service. */
export function subjectAccessRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, COORDINATOR, {
		method: 'GET',
		url: '/api/subject-access/people',
		query: subjectSearchQuerySchema,
		handler: async ({ query }): Promise<SubjectSearchResponse> => ({ matches: await searchSubjects(services, query.q) })
	});

	defineRoute(app, services, COORDINATOR, {
		method: 'POST',
		url: '/api/subject-access/review',
		body: subjectReviewRequestSchema,
		async handler({ actor, body, now }): Promise<SubjectReviewResponse> {
			const { name, caseReferences, items, access } = buildSubjectReview(await loadSubjectMaterial(services, body.participants));
			// Reviewing is reading the person's records: logged before the answer leaves.
			await services.audit.append(body.participants.map((p) => auditEntry(actor, p.caseId, 'read', now, { recordId: p.participantId })));
			return { name, caseReferences, items, access };
		}
	});

	defineRoute(app, services, COORDINATOR, {
		method: 'POST',
		url: '/api/subject-access/exports',
		body: subjectExportRequestSchema,
		handler: async ({ actor, body, reply, now }) => reply.status(201).send(await exportSubject(services, actor, body, now))
	});
}
