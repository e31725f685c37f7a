import type { FastifyInstance } from 'fastify';
import type { MyCasesResponse } from '../../src/lib/protocol/cases.js';
import { requireSession } from '../http/session-cookie.js';
import type { Services } from '../services/services.js';

export function caseRoutes(app: FastifyInstance, services: Services): void {
	/** The caller's cases: a facilitator's assigned ones, every case for a coordinator, none otherwise. */
	app.get('/api/cases', async (request) => {
		const claims = requireSession(request, services.sessionSecret);
		const ids = claims.roles.includes('facilitator') ? await services.accounts.assignedCaseIds(claims.sub) : [];
		const all = claims.roles.includes('coordinator') ? await services.cases.allSummaries() : [];
		const own = claims.roles.includes('coordinator') ? [] : await services.cases.summaries(ids);
		const body: MyCasesResponse = { cases: [...all, ...own], serverTime: new Date().toISOString() };
		return body;
	});
}
