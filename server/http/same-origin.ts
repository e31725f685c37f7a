import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside SameSite=Strict cookies: a browser names the page's origin on every
 * state-changing request, and one from another site is refused before any route runs. Bodies
 * must be JSON, which a cross-site form cannot send without a CORS preflight (and CORS is closed).
 */
export function registerSameOrigin(app: FastifyInstance): void {
	app.removeContentTypeParser('text/plain');
	app.addHook('onRequest', async (request) => {
		if (SAFE.has(request.method) || !request.url.startsWith('/api/')) return;
		const origin = request.headers.origin;
		if (origin === undefined) return;
		let host: string | undefined;
		try {
			host = new URL(origin).host;
		} catch {
			host = undefined;
		}
		if (host !== request.headers.host) throw new ApiError(403, 'forbidden', 'This request came from another site and was refused.');
	});
}
