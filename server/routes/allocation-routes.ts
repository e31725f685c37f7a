import type { FastifyInstance } from 'fastify';
import { caseParamsSchema } from '../../src/lib/protocol/cases.js';
import { caseloadSettingsSchema, conflictParamsSchema, conflictRequestSchema, setFacilitatorsRequestSchema, type CaseloadSettings } from '../../src/lib/protocol/office.js';
import { ADMINISTRATOR, COORDINATOR, caseAccess } from '../auth/access-policy.js';
import { badRequest, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { allocationList, caseAllocation, setCaseFacilitators } from '../services/office-allocation.js';
import type { Services } from '../services/services.js';

export function allocationRoutes(app: FastifyInstance, services: Services): void {
	const allocationOf = async (caseId: string) => {
		const answer = await caseAllocation(services, caseId);
		if (!answer) throw notFound();
		return answer;
	};

	defineRoute(app, services, COORDINATOR, {
		method: 'GET',
		url: '/api/allocations',
		handler: () => allocationList(services)
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'GET',
		url: '/api/cases/:caseId/allocation',
		params: caseParamsSchema,
		handler: ({ params }) => allocationOf(params.caseId)
	});

	/** Assign, reassign or unassign in one change; warnings are shown before saving, not enforced. */
	defineRoute(app, services, caseAccess('oversee'), {
		method: 'PUT',
		url: '/api/cases/:caseId/facilitators',
		params: caseParamsSchema,
		body: setFacilitatorsRequestSchema,
		async handler({ actor, params, body, now }) {
			const record = await services.cases.get(params.caseId);
			if (!record) throw notFound();
			if (record.status === 'closed') throw badRequest([{ path: 'facilitatorIds', message: 'This case is closed; reopen it before assigning anyone' }]);
			const people = await Promise.all(body.facilitatorIds.map((id) => services.accounts.findById(id)));
			people.forEach((person, index) => {
				if (!person || !person.roles.includes('facilitator') || person.disabledAt)
					throw badRequest([{ path: `facilitatorIds.${index}`, message: 'Choose a person who is a facilitator and can sign in' }]);
			});
			await setCaseFacilitators(services, actor, params.caseId, body.facilitatorIds, record.facilitatorIds, now);
			return allocationOf(params.caseId);
		}
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'PUT',
		url: '/api/cases/:caseId/conflicts-of-interest/:userId',
		params: conflictParamsSchema,
		body: conflictRequestSchema,
		async handler({ actor, params, body, now }) {
			const person = await services.accounts.findById(params.userId);
			if (!person?.roles.includes('facilitator')) throw badRequest([{ path: 'userId', message: 'Choose a person who is a facilitator' }]);
			await services.allocation.recordConflict(params.caseId, params.userId, body.note, actor.user.id, now);
			return allocationOf(params.caseId);
		}
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'DELETE',
		url: '/api/cases/:caseId/conflicts-of-interest/:userId',
		params: conflictParamsSchema,
		async handler({ params }) {
			if (!(await services.allocation.removeConflict(params.caseId, params.userId))) throw notFound();
			return allocationOf(params.caseId);
		}
	});

	defineRoute(app, services, COORDINATOR, {
		method: 'GET',
		url: '/api/settings/caseload',
		handler: async (): Promise<CaseloadSettings> => ({ caseloadLimit: await services.allocation.caseloadLimit() })
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/settings/caseload',
		body: caseloadSettingsSchema,
		async handler({ actor, body, now }) {
			await services.allocation.setCaseloadLimit(body.caseloadLimit, actor.user.id, now);
			const answer: CaseloadSettings = { caseloadLimit: body.caseloadLimit };
			return answer;
		}
	});
}
