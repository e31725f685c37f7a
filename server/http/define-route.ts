import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { PUBLIC, type Access, type ProtectedAccess } from '../auth/access-policy.js';
import { authenticate, type Actor } from '../auth/authenticate.js';
import { authorise } from '../auth/authorise.js';
import type { Services } from '../services/services.js';
import { ApiError, badRequest, unauthenticated } from './api-error.js';
import { parseOrThrow } from './parse.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const EMPTY = v.strictObject({});
type Empty = typeof EMPTY;

interface Context<P, Q, B, A> {
	actor: A;
	params: P;
	query: Q;
	body: B;
	request: FastifyRequest;
	reply: FastifyReply;
	now: Date;
}

interface RouteSpec<P extends v.GenericSchema, Q extends v.GenericSchema, B extends v.GenericSchema | undefined, A> {
	method: Method;
	url: `/api/${string}`;
	params?: P;
	query?: Q;
	/** Without a body schema the route takes no body at all. */
	body?: B;
	/** Bytes, when a route needs other than the app's own limit: public forms take far less, a sync batch more. */
	bodyLimit?: number;
	/** false: the route encodes its own answer, and @fastify/compress must leave it alone. */
	compress?: false;
	/** false (public routes only): the caller is never looked up, so the route costs no store read for it. */
	caller?: false;
	handler(context: Context<v.InferOutput<P>, v.InferOutput<Q>, B extends v.GenericSchema ? v.InferOutput<B> : undefined, A>): Promise<unknown>;
}

/**
 * Every API route is made here, in one order: who is calling (401) → is the request well formed
 * (400, before anything is read or written) → may this caller do this to this case (403/404,
 * decided by access-policy.ts) → the handler. There is no other way to add an API route.
 */
function register<P extends v.GenericSchema, Q extends v.GenericSchema, B extends v.GenericSchema | undefined, A extends Actor | undefined>(
	app: FastifyInstance,
	services: Services,
	access: Access,
	spec: RouteSpec<P, Q, B, A>
): void {
	app.route({
		method: spec.method,
		url: spec.url,
		config: { access },
		...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
		...(spec.compress === false ? { compress: false } : {}),
		handler: async (request, reply) => {
			const now = new Date();
			const actor = spec.caller === false ? undefined : await authenticate(request, reply, services, now).catch((error: unknown) => {
				// A switched-off account's leftover cookies (already cleared) must not stop the next person signing in on that browser.
				if (access.kind === 'public' && error instanceof ApiError && error.code === 'account-disabled') return undefined;
				throw error;
			});
			if (!actor && access.kind !== 'public') throw unauthenticated();
			const params = parseOrThrow(spec.params ?? EMPTY, request.params) as v.InferOutput<P>;
			const query = parseOrThrow(spec.query ?? EMPTY, request.query) as v.InferOutput<Q>;
			if (!spec.body && request.body !== undefined) throw badRequest([{ path: '(body)', message: 'This request takes no body' }]);
			// valibot's object schemas let an array through when no key is required; every body here is an object.
			if (spec.body && request.body !== undefined && (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)))
				throw badRequest([{ path: '(body)', message: 'Send a JSON object' }]);
			const body = (spec.body ? parseOrThrow(spec.body, request.body) : undefined) as B extends v.GenericSchema ? v.InferOutput<B> : undefined;
			if (actor) await authorise(services, actor, access, (params as { caseId?: string }).caseId);
			return spec.handler({ actor: actor as A, params, query, body, request, reply, now });
		}
	});
}

export function defineRoute<P extends v.GenericSchema = Empty, Q extends v.GenericSchema = Empty, B extends v.GenericSchema | undefined = undefined>(
	app: FastifyInstance,
	services: Services,
	access: ProtectedAccess,
	spec: RouteSpec<P, Q, B, Actor> & { caller?: never }
): void {
	register(app, services, access, spec);
}

/** A route anyone may call; the caller is passed along when signed in. */
export function definePublicRoute<P extends v.GenericSchema = Empty, Q extends v.GenericSchema = Empty, B extends v.GenericSchema | undefined = undefined>(
	app: FastifyInstance,
	services: Services,
	spec: RouteSpec<P, Q, B, Actor | undefined>
): void {
	register(app, services, PUBLIC, spec);
}

const apiRouteLists = new WeakMap<FastifyInstance, string[]>();

/** Refuses, at start-up, any API route that did not come through defineRoute; lists the rest. */
export function requireAccessOnApiRoutes(app: FastifyInstance): void {
	const list: string[] = [];
	apiRouteLists.set(app, list);
	app.addHook('onRoute', (route) => {
		if (!route.url.startsWith('/api/')) return;
		const config = route.config as { access?: Access } | undefined;
		if (!config?.access) throw new Error(`${String(route.method)} ${route.url} has no access rule`);
		for (const method of [route.method].flat()) if (method !== 'HEAD') list.push(`${method} ${route.url}`);
	});
}

/** Every API route, as "METHOD /url": what the authorisation matrix test checks it covers. */
export const apiRoutes = (app: FastifyInstance): readonly string[] => apiRouteLists.get(app) ?? [];
