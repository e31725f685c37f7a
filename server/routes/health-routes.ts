import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src/lib/protocol/health.js';
import type { Services } from '../services/services.js';

export function healthRoutes(app: FastifyInstance, services: Services): void {
	app.get('/api/health', async (_request, reply) => {
		const reachable = await services.couch.isReachable();
		const body: HealthResponse = {
			status: reachable ? 'ok' : 'unavailable',
			version: services.version,
			store: { reachable, kind: services.couch.kind }
		};
		return reply.status(reachable ? 200 : 503).send(body);
	});
}
