import * as v from 'valibot';
import { isWipeAnswer, pullResponseSchema, type PullRequest, type PullResponse } from '../protocol/sync-pull.js';
import { pushResponseSchema, type PushRequest, type PushResponse } from '../protocol/sync.js';
import { callApi } from './api-client.js';
import type { PreparedPage } from './page-prep.js';
import { fetchPageStream, readPageStream, type PageReader, type PullContext, type StreamAnswer, type StreamRead } from './pull-stream.js';

/**
 * Why a sync call did not succeed, as a short code the status line words:
 * `offline` (no answer), `wipe` (the device was revoked), `signed-out` (401), `unsupported`
 * (the server has no sync endpoints yet: an older server during a rolling upgrade), `failed`.
 */
export type TransportFailure = { ok: false; kind: 'offline' | 'wipe' | 'signed-out' | 'unsupported' | 'failed'; message: string };
export type TransportAnswer<T> = { ok: true; value: T } | TransportFailure;

/** How the engine talks to the server; tests pass an in-memory double that speaks the same protocol. */
export interface SyncTransport {
	push(request: PushRequest): Promise<TransportAnswer<PushResponse>>;
	pull(request: PullRequest): Promise<TransportAnswer<PullResponse>>;
	/**
	 * The same pull with every page in one answer, each handed to `onPage` (in order, one at a
	 * time) as it arrives. `done` false: the answer ended early; pull again. Optional: the engine
	 * falls back to `pull` without it, or when the server answers `unsupported`.
	 */
	pullStream?(request: PullRequest, onPage: (page: PullResponse) => Promise<void>): Promise<TransportAnswer<StreamRead>>;
	/**
	 * The streamed pull with each page checked and sealed before `onPage` sees it, off the page's
	 * thread (see page-worker.ts). Used for a caseload's pull where a transport has it (pull-rounds.ts).
	 */
	pullPrepared?(request: PullRequest, context: PullContext, onPage: (page: PreparedPage) => Promise<void>): Promise<TransportAnswer<StreamRead>>;
}

const PULL_STREAM_PATH = '/api/sync/pull-stream';

async function post<T>(path: string, body: unknown, schema: v.GenericSchema<unknown, T>): Promise<TransportAnswer<T>> {
	const result = await callApi<unknown>('POST', path, body);
	if (result.ok) {
		const parsed = v.safeParse(schema, result.value);
		return parsed.success ? { ok: true, value: parsed.output } : { ok: false, kind: 'failed', message: 'The server sent an answer this app does not understand.' };
	}
	return failure(result.status, result.error);
}

function failure(status: number, error: { message: string }): TransportFailure {
	if (status === 403 && isWipeAnswer(error)) return { ok: false, kind: 'wipe', message: error.message };
	if (status === 0) return { ok: false, kind: 'offline', message: error.message };
	if (status === 401) return { ok: false, kind: 'signed-out', message: 'Sign in again to sync.' };
	if (status === 404) return { ok: false, kind: 'unsupported', message: 'The server does not sync records yet.' };
	return { ok: false, kind: 'failed', message: error.message };
}

function streamed(answer: StreamAnswer): TransportAnswer<StreamRead> {
	if (answer.ok) return { ok: true, value: { pages: answer.pages, done: answer.done } };
	return failure(answer.status, { message: answer.message, ...(answer.body && typeof answer.body === 'object' ? answer.body : {}) });
}

export const httpTransport: SyncTransport = {
	push: (request) => post('/api/sync/push', request, pushResponseSchema),
	pull: (request) => post('/api/sync/pull', request, pullResponseSchema),
	pullStream: async (request, onPage) => streamed(await fetchPageStream(PULL_STREAM_PATH, request, (body) => readPageStream(body, onPage))),
};

/** `base`, with the streamed pull's pages prepared by `reader` (a worker) as they arrive. */
export function withPreparedPull(base: SyncTransport, reader: PageReader): SyncTransport {
	return {
		...base,
		pullPrepared: async (request, context, onPage) => streamed(await fetchPageStream(PULL_STREAM_PATH, request, (body) => reader.read(body, context, onPage)))
	};
}
