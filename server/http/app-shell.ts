import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundBody } from './error-handler.js';

const IMMUTABLE = /\/_app\/immutable\//;

/**
 * Serves the built single-page app. Hashed assets are cached for good; the page, the service
 * worker and the manifest are revalidated every time, so an update is seen at the next visit.
 */
export async function registerAppShell(app: FastifyInstance, appDir: string): Promise<void> {
	const hasApp = existsSync(join(appDir, 'index.html'));
	if (hasApp) {
		await app.register(fastifyStatic, {
			root: appDir,
			wildcard: true,
			index: false,
			cacheControl: false,
			setHeaders(res, path) {
				res.header('Cache-Control', IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
			}
		});
	}
	app.setNotFoundHandler((request, reply) => {
		const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
		if (isPage && hasApp) {
			return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
		}
		return reply.status(404).send(notFoundBody(request.method, request.url));
	});
	if (hasApp) app.get('/', (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
}
