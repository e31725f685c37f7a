import type { FastifyInstance } from 'fastify';
import { rectificationSchema } from '../../src/lib/domain/participant-rectification.js';
import { displayName, type ParticipantRecord } from '../../src/lib/domain/participant.js';
import { caseParamsSchema } from '../../src/lib/protocol/cases.js';
import {
	erasureRequestSchema,
	participantParamsSchema,
	retentionSettingsRequestSchema,
	type RetentionPreviewResponse,
	type RetentionSettingsResponse
} from '../../src/lib/protocol/retention.js';
import { ADMINISTRATOR, OFFICE, caseAccess } from '../auth/access-policy.js';
import { defineRoute } from '../http/define-route.js';
import { auditEntry } from '../services/audit-log.js';
import { eraseParticipant, listParticipants, readParticipant, rectifyParticipant } from '../services/participant-rights.js';
import { dueNow, runRetention } from '../services/retention-job.js';
import type { Services } from '../services/services.js';

/** Retention settings and runs (administrators), and a participant's correction and erasure (coordinators). */
export function retentionRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/settings/retention',
		handler: (): Promise<RetentionSettingsResponse> => services.retention.settings()
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/settings/retention',
		body: retentionSettingsRequestSchema,
		async handler({ actor, body, now }): Promise<RetentionSettingsResponse> {
			await services.retention.setPolicy(body.policy, actor.user.id, now);
			return services.retention.settings();
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/retention/preview',
		async handler({ now }): Promise<RetentionPreviewResponse> {
			const [due, recent] = await Promise.all([dueNow(services, now), services.retention.lines(50)]);
			return { due, recent, checkedAt: now.toISOString() };
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/retention/run',
		handler: ({ actor, now }) => runRetention(services, actor.user.id, now)
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'GET',
		url: '/api/cases/:caseId/participants',
		params: caseParamsSchema,
		async handler({ actor, params, now }): Promise<{ participants: { id: string; name: string; role: ParticipantRecord['role'] }[] }> {
			const participants = await listParticipants(services, params.caseId);
			await services.audit.append([auditEntry(actor, params.caseId, 'read', now)]);
			return { participants: participants.map((p) => ({ id: p.id, name: displayName(p), role: p.role })) };
		}
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'GET',
		url: '/api/cases/:caseId/participants/:participantId',
		params: participantParamsSchema,
		async handler({ actor, params, now }): Promise<{ participant: ParticipantRecord }> {
			const participant = await readParticipant(services, params.caseId, params.participantId);
			await services.audit.append([auditEntry(actor, params.caseId, 'read', now, { recordId: params.participantId })]);
			return { participant };
		}
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'PUT',
		url: '/api/cases/:caseId/participants/:participantId/rectification',
		params: participantParamsSchema,
		body: rectificationSchema,
		handler: ({ actor, params, body, now }) => rectifyParticipant(services, actor, params.caseId, params.participantId, body, now)
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'POST',
		url: '/api/cases/:caseId/participants/:participantId/erasure',
		params: participantParamsSchema,
		body: erasureRequestSchema,
		handler: ({ actor, params, body, now }) => eraseParticipant(services, actor, params.caseId, params.participantId, body, now)
	});
}
