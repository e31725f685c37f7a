import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src/lib/protocol/health.js';
import { definePublicRoute } from '../http/define-route.js';
import type { Services } from '../services/services.js';

export function healthRoutes(app: FastifyInstance, services: Services): void {
	definePublicRoute(app, services, {
		method: 'GET',
		url: '/api/health',
		// What it proves is that the server answers and reaches its store; who asks does not matter.
		caller: false,
		async handler({ reply }) {
			const reachable = await services.couch.isReachable();
			const answer: HealthResponse = { status: reachable ? 'ok' : 'unavailable', version: services.version, store: { reachable, kind: services.couch.kind } };
			return reply.status(reachable ? 200 : 503).send(answer);
		}
	});
}
