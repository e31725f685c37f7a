import * as v from 'valibot';
import { pullResponseSchema, type PullRequest, type PullResponse } from '../protocol/sync-pull.js';

export type StreamFailure = { ok: false; status: number; message: string; body?: unknown };
export type StreamAnswer = { ok: true; pages: number; done: boolean } | StreamFailure;

/**
 * Reads newline-separated JSON pages as they arrive and hands each to `onPage`, one at a time and
 * in order, while the rest keeps arriving. A page that does not match the schema, or a handler
 * that throws, stops the reading; pages already handled stand. `done` is the last page's flag:
 * false when the answer ended early (the connection dropped), and the pull goes on from the
 * checkpoints stored so far.
 */
export async function readPageStream(body: ReadableStream<Uint8Array>, onPage: (page: PullResponse) => Promise<void>): Promise<{ pages: number; done: boolean }> {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let buffered = '';
	let handled: Promise<void> = Promise.resolve();
	let [pages, done] = [0, false];
	let failure: unknown;
	const take = (line: string) => {
		if (line.trim() === '') return;
		const parsed = v.safeParse(pullResponseSchema, JSON.parse(line));
		if (!parsed.success) throw new Error('The server sent a page this app does not understand.');
		const page = parsed.output;
		handled = handled.then(async () => {
			await onPage(page);
			[pages, done] = [pages + 1, page.done];
		});
		handled.catch((error: unknown) => (failure ??= error));
	};
	try {
		for (;;) {
			if (failure) throw failure;
			const { value, done: ended } = await reader.read();
			if (ended) break;
			buffered += decoder.decode(value, { stream: true });
			let newline: number;
			while ((newline = buffered.indexOf('\n')) >= 0) {
				take(buffered.slice(0, newline));
				buffered = buffered.slice(newline + 1);
			}
		}
	} catch (error) {
		await reader.cancel().catch(() => undefined);
		await handled.catch(() => undefined);
		throw error;
	}
	// A last line without its newline was cut off mid-way: it is not a page.
	await handled;
	return { pages, done };
}

/** POSTs a pull and reads its pages as they come. Never throws for the network: status 0 is "no answer". */
export async function fetchPageStream(path: string, request: PullRequest, onPage: (page: PullResponse) => Promise<void>): Promise<StreamAnswer> {
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
		return { ok: true, ...(await readPageStream(response.body, onPage)) };
	} catch (error) {
		if (error instanceof TypeError) return { ok: false, status: 0, message: 'The connection dropped while the caseload was loading.' };
		throw error;
	}
}
