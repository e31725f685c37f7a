import type { PullRequest, PullResponse } from '../protocol/sync-pull.js';
import { lineSplitter, parsePageLine } from './page-lines.js';
import type { PrepareContext, PreparedPage } from './page-prep.js';

export type StreamFailure = { ok: false; status: number; message: string; body?: unknown };
export type StreamRead = { pages: number; done: boolean };
export type StreamAnswer = ({ ok: true } & StreamRead) | StreamFailure;

/**
 * What a streamed pull's reader is told: the cases held when it asked. Not what the round's push
 * stored: the commit checks pages against that (pull-rounds.ts).
 */
export type PullContext = Pick<PrepareContext, 'heldCases'>;

/** Turns a streamed body into prepared pages, handed over in order: in a worker, or here. */
export interface PageReader {
	read(body: ReadableStream<Uint8Array>, context: PullContext, onPage: (page: PreparedPage) => Promise<void>): Promise<StreamRead>;
}

/**
 * Reads newline-separated JSON pages as they arrive and hands each to `onPage`, one at a time and
 * in order, while the rest keeps arriving. A page that does not match the schema, or a handler
 * that throws, stops the reading; pages already handled stand. `done` is the last page's flag:
 * false when the answer ended early (the connection dropped), and the pull goes on from the
 * checkpoints stored so far.
 */
export async function readPageStream(body: ReadableStream<Uint8Array>, onPage: (page: PullResponse) => Promise<void>): Promise<StreamRead> {
	const reader = body.getReader();
	let handled: Promise<void> = Promise.resolve();
	let [pages, done] = [0, false];
	let failure: unknown;
	const lines = lineSplitter((line) => {
		const page = parsePageLine(line);
		handled = handled.then(async () => {
			await onPage(page);
			[pages, done] = [pages + 1, page.done];
		});
		handled.catch((error: unknown) => (failure ??= error));
	});
	try {
		for (;;) {
			if (failure) throw failure;
			const { value, done: ended } = await reader.read();
			if (ended) break;
			lines.push(value);
		}
	} catch (error) {
		await reader.cancel().catch(() => undefined);
		await handled.catch(() => undefined);
		throw error;
	}
	await handled;
	return { pages, done };
}

/** Pages read and prepared on this thread, with `prepare` (the device store's). */
export const pagesHere = (prepare: (page: PullResponse, context: PullContext) => Promise<PreparedPage>): PageReader => ({
	read: (body, context, onPage) => readPageStream(body, async (page) => onPage(await prepare(page, context)))
});

/**
 * POSTs a pull and hands its body, as it comes, to `read`. Never throws for the network: status 0
 * is "no answer", also when the connection drops part-way (the reader then throws a TypeError).
 */
export async function fetchPageStream(path: string, request: PullRequest, read: (body: ReadableStream<Uint8Array>) => Promise<StreamRead>): Promise<StreamAnswer> {
	let response: Response;
	try {
		response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
	} catch {
		return { ok: false, status: 0, message: 'The server cannot be reached.' };
	}
	if (!response.ok || !response.body) {
		const body: unknown = await response.json().catch(() => undefined);
		const message = (body as { message?: unknown } | undefined)?.message;
		return { ok: false, status: response.status, message: typeof message === 'string' ? message : `The server answered ${response.status}.`, body };
	}
	try {
		return { ok: true, ...(await read(response.body)) };
	} catch (error) {
		if (error instanceof TypeError) return { ok: false, status: 0, message: 'The connection dropped while the caseload was loading.' };
		throw error;
	}
}
