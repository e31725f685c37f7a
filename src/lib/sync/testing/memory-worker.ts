import type { PullResponse } from '../../protocol/sync-pull.js';
import { pageWorker, type FromPageWorker, type ToPageWorker } from '../page-worker-core.js';
import type { PageReader } from '../pull-stream.js';
import type { SyncTransport, TransportAnswer } from '../sync-transport.js';
import type { PageWorkerHandle } from '../worker-pages.js';

/**
 * The page worker's own code behind a worker-shaped handle, run in this process: each message is
 * copied with structuredClone (with its transfers) and delivered later, as across a real worker.
 * The vault's key is passed as it is: Node does not clone a CryptoKey.
 */
export function inProcessWorker() {
	const listeners: { message: ((event: MessageEvent<FromPageWorker>) => void)[]; error: ((event: Event) => void)[] } = { message: [], error: [] };
	const state = { terminated: false, started: 0 };
	const later = (fn: () => void) => void setTimeout(() => !state.terminated && fn(), 0);
	const handle = pageWorker((message, transfer) => {
		const copy = structuredClone(message, { transfer });
		later(() => listeners.message.forEach((listen) => listen({ data: copy } as MessageEvent<FromPageWorker>)));
	});
	const worker: PageWorkerHandle & { fail(): void } = {
		postMessage(message: ToPageWorker, transfer: Transferable[]) {
			if (message.kind === 'start') state.started++;
			const copy = message.kind === 'start' ? { ...structuredClone({ ...message, key: undefined }), key: message.key } : structuredClone(message, { transfer });
			later(() => handle(copy));
		},
		addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
			listeners[type].push(listener as never);
		},
		terminate: () => void (state.terminated = true),
		/** The worker's script failed, as a real one does when it cannot load. */
		fail: () => later(() => listeners.error.forEach((listen) => listen(new Event('error'))))
	};
	return { worker, state };
}

const encoder = new TextEncoder();

export interface BodyOptions {
	/** After this many pages the connection drops. */
	cut?: number;
	/** The page at this index is one the app does not understand. */
	garbled?: number;
	/** The page at `at` arrives only once `open` resolves. */
	gate?: { at: number; open: Promise<void> };
}

/** A body of newline-separated pages, one a piece. */
export function pageBody(pages: unknown[], options: BodyOptions = {}): ReadableStream<Uint8Array> {
	let at = 0;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (at === options.gate?.at) await options.gate.open;
			if (at === options.cut) return controller.error(new TypeError('network error'));
			if (at >= pages.length) return controller.close();
			const line = at === options.garbled ? '{"records": "not a list"}' : JSON.stringify(pages[at]);
			at++;
			controller.enqueue(encoder.encode(`${line}\n`));
		}
	});
}

/** The memory server's streamed pull, sent as bytes through `reader`, as the HTTP transport's `pullPrepared` does. */
export function preparedPull(transport: SyncTransport, reader: PageReader, body: BodyOptions = {}): SyncTransport {
	return {
		...transport,
		async pullPrepared(request, context, onPage): Promise<TransportAnswer<{ pages: number; done: boolean }>> {
			const pages: PullResponse[] = [];
			const answer = await transport.pullStream!(request, async (page) => void pages.push(page));
			if (!answer.ok) return answer;
			return { ok: true, value: await reader.read(pageBody(pages, body), context, onPage) };
		}
	};
}
