import type { FastifyInstance } from 'fastify';
import { parseCaseNote } from '../../src/lib/domain/case-note.js';
import { caseParamsSchema, newCaseNoteRequestSchema, type CaseNoteResponse, type CaseResponse, type MyCasesResponse } from '../../src/lib/protocol/cases.js';
import { SIGNED_IN, caseAccess } from '../auth/access-policy.js';
import { badRequest, conflict, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { auditEntry } from '../services/audit-log.js';
import type { Services } from '../services/services.js';

export function caseRoutes(app: FastifyInstance, services: Services): void {
	/** The caller's cases: a facilitator's assigned ones, every case for a coordinator, none otherwise. */
	defineRoute(app, services, SIGNED_IN, {
		method: 'GET',
		url: '/api/cases',
		async handler({ actor, now }) {
			const coordinator = actor.roles.includes('coordinator');
			const ids = !coordinator && actor.roles.includes('facilitator') ? await services.accounts.assignedCaseIds(actor.user.id) : [];
			const cases = coordinator ? await services.cases.allSummaries() : await services.cases.summaries(ids);
			const answer: MyCasesResponse = { cases, serverTime: now.toISOString() };
			return answer;
		}
	});

	defineRoute(app, services, caseAccess('read'), {
		method: 'GET',
		url: '/api/cases/:caseId',
		params: caseParamsSchema,
		async handler({ actor, params, now }) {
			const record = await services.cases.get(params.caseId);
			if (!record) throw notFound();
			// Logged before the answer leaves: no read without a trace.
			await services.audit.append([auditEntry(actor, record.id, 'read', now, { recordId: record.id })]);
			const answer: CaseResponse = { case: record };
			return answer;
		}
	});

	defineRoute(app, services, caseAccess('write'), {
		method: 'POST',
		url: '/api/cases/:caseId/notes',
		params: caseParamsSchema,
		body: newCaseNoteRequestSchema,
		async handler({ actor, params, body, reply, now }) {
			const at = now.toISOString();
			const { deviceTime, ...fields } = body;
			const parsed = parseCaseNote({ type: 'case-note', v: 1, ...fields, caseId: params.caseId, createdAt: at, updatedAt: at, createdBy: actor.user.id });
			if (!parsed.ok) throw badRequest(parsed.problems);
			if (!(await services.cases.addNote(parsed.value))) throw conflict('A note with this id exists already; notes are never changed, so write a new one.');
			await services.audit.append([auditEntry(actor, params.caseId, 'create', now, { recordId: parsed.value.id, deviceTime })]);
			const answer: CaseNoteResponse = { note: parsed.value };
			return reply.status(201).send(answer);
		}
	});
}
