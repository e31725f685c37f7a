import type { FastifyInstance } from 'fastify';
import { caseParamsSchema } from '../../src/lib/protocol/cases.js';
import type { FiledChangesResponse } from '../../src/lib/protocol/sync-filed.js';
import { pullRequestSchema, type PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { pushRequestSchema, type PushResponse } from '../../src/lib/protocol/sync.js';
import { SIGNED_IN, caseAccess } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import { badRequest } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import type { Services } from '../services/services.js';
import { docsWithPrefix } from '../store/documents.js';
import { filedPrefix, type FiledDoc } from '../services/sync-documents.js';
import { pullPage, pullPages } from '../services/sync-pull.js';
import { chooseEncoding, encodePages } from '../services/sync-pull-encoding.js';
import { pushChanges } from '../services/sync-push.js';

/** A full batch of long notes is well over the app's 256 KiB default; checkpoints of a large caseload too. */
const SYNC_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * Only a registered device syncs, and only as itself: the device ids in the body must be the one
 * the session was signed in with, which `authenticate` has already checked is not revoked.
 */
function requireDevice(actor: Actor, claimed: { path: string; deviceId: string }[]): void {
	if (!actor.deviceId) throw badRequest([{ path: '(device)', message: 'Only a registered device syncs; sign in with its device id' }]);
	const wrong = claimed.filter((c) => c.deviceId !== actor.deviceId);
	if (wrong.length > 0) throw badRequest(wrong.map((c) => ({ path: c.path, message: 'This is not the device you signed in on' })));
}

export function syncRoutes(app: FastifyInstance, services: Services): void {
	/**
	 * Signed-in is the route's rule; what each change may do is decided per case by the access
	 * policy (`decidePush`): applied, filed for the coordinator, or refused.
	 */
	defineRoute(app, services, SIGNED_IN, {
		method: 'POST',
		url: '/api/sync/push',
		body: pushRequestSchema,
		bodyLimit: SYNC_BODY_LIMIT,
		async handler({ actor, body, now }) {
			requireDevice(actor, body.mutations.map((m, i) => ({ path: `mutations.${i}.deviceId`, deviceId: m.deviceId })));
			const answer: PushResponse = { results: await pushChanges(services, actor, body.mutations, now), serverTime: now.toISOString() };
			return answer;
		}
	});

	/** Signed-in is the route's rule; which cases a page carries is decided by the access policy (`decideHold`). */
	defineRoute(app, services, SIGNED_IN, {
		method: 'POST',
		url: '/api/sync/pull',
		body: pullRequestSchema,
		bodyLimit: SYNC_BODY_LIMIT,
		async handler({ actor, body, now }) {
			requireDevice(actor, [{ path: 'deviceId', deviceId: body.deviceId }]);
			const answer: PullResponse = await pullPage(services, actor, body, now);
			return answer;
		}
	});

	/**
	 * The same pull, every page in one answer: newline-separated JSON, one `PullResponse` a line.
	 * For a new device's caseload: one request instead of one per page, and the next page is read
	 * from the store while the device stores this one. A failure part-way ends the answer early;
	 * the device keeps the pages it committed and asks again from their checkpoints. The answer is
	 * compressed here, page by page, never by @fastify/compress, which would hold it all back.
	 */
	defineRoute(app, services, SIGNED_IN, {
		method: 'POST',
		url: '/api/sync/pull-stream',
		body: pullRequestSchema,
		bodyLimit: SYNC_BODY_LIMIT,
		compress: false,
		async handler({ actor, body, now, reply, request }) {
			requireDevice(actor, [{ path: 'deviceId', deviceId: body.deviceId }]);
			const pages = pullPages(services, actor, body, now);
			// The first page is read before the answer starts, so a refusal or a store failure is still a plain error.
			const first = await pages.next();
			async function* lines() {
				if (!first.done) yield `${JSON.stringify(first.value)}\n`;
				for await (const page of pages) yield `${JSON.stringify(page)}\n`;
			}
			const encoding = chooseEncoding(request.headers['accept-encoding']);
			void reply.type('application/x-ndjson').header('vary', 'accept-encoding');
			if (encoding !== 'identity') void reply.header('content-encoding', encoding);
			return encodePages(lines(), encoding, (error) => request.log.error(error, 'pull stream ended early'));
		}
	});

	/** Changes pushed by people who had lost the case, kept for the coordinator: one key range per case. */
	defineRoute(app, services, caseAccess('oversee'), {
		method: 'GET',
		url: '/api/cases/:caseId/filed-changes',
		params: caseParamsSchema,
		async handler({ params }) {
			const docs = await docsWithPrefix<FiledDoc>(services.couch.dbs.records, filedPrefix(params.caseId));
			const answer: FiledChangesResponse = { changes: docs.map(({ mutation, userId, serverTime }) => ({ mutation, userId, serverTime })) };
			return answer;
		}
	});
}
