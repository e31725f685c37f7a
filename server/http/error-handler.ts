import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiErrorBody } from '../../src/lib/protocol/errors.js';
import { isStoreUnreachable } from '../store/couch.js';
import { ApiError, type ErrorBody } from './api-error.js';

/** The one place the server turns a failure into an answer. 5xx bodies say nothing of the cause. */
export function registerErrorHandler(app: FastifyInstance): void {
	app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
		if (error instanceof ApiError) {
			const body: ErrorBody = { error: error.code, message: error.message };
			if (error.fields) body.fields = error.fields;
			if (error.action) body.action = error.action;
			return reply.status(error.statusCode).send(body);
		}
		if (isStoreUnreachable(error)) {
			request.log.warn({ err: error }, 'store unreachable');
			const body: ApiErrorBody = { error: 'store-unavailable', message: 'The records store is not answering. Try again in a minute.' };
			return reply.status(503).header('Retry-After', '10').send(body);
		}
		const status = error.statusCode ?? 500;
		if (status >= 400 && status < 500) {
			// Fastify's own refusals: malformed JSON, wrong content type, body too large.
			const body: ApiErrorBody = { error: 'bad-request', message: error.message, fields: [{ path: '(body)', message: error.message }] };
			return reply.status(status).send(body);
		}
		request.log.error({ err: error }, 'request failed');
		const body: ApiErrorBody = { error: 'internal', message: 'Something went wrong on the server. Try again.' };
		return reply.status(500).send(body);
	});
}

export function notFoundBody(method: string, url: string): ApiErrorBody {
	return { error: 'not-found', message: `Nothing is at ${method} ${url.split('?')[0]}` };
}
