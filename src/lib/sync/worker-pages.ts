import { keyFor, LockedError, onKeysDropped } from '../crypto/keyring.js';
import type { FromPageWorker, ToPageWorker } from './page-worker-core.js';
import type { PageReader } from './pull-stream.js';

/** What the reader needs of a Worker; tests pass one that runs the worker's code in-process. */
export interface PageWorkerHandle {
	postMessage(message: ToPageWorker, transfer: Transferable[]): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<FromPageWorker>) => void): void;
	addEventListener(type: 'error', listener: (event: Event) => void): void;
	terminate(): void;
}

type Inbox = FromPageWorker | { kind: 'broken'; error: unknown };

/** A queue of one pull's messages, read one at a time in order. */
function inbox() {
	const waiting: Inbox[] = [];
	let wake: (() => void) | undefined;
	return {
		push(message: Inbox) {
			waiting.push(message);
			wake?.();
		},
		async next(): Promise<Inbox> {
			while (waiting.length === 0) await new Promise<void>((resolve) => (wake = resolve));
			wake = undefined;
			return waiting.shift()!;
		}
	};
}

/**
 * Reads a streamed pull through a page worker (page-worker.ts): the page reads the body and passes
 * the bytes on; the worker parses, checks and seals each page and posts it back, ready to commit.
 * One worker while the vault is open: it is ended when the keys are dropped, and the pull it was
 * reading stops as locked. A worker that fails to start or run is not used again: `inThread` reads.
 */
export function workerPageReader(options: { userId: string; makeWorker: () => PageWorkerHandle; inThread: PageReader }): PageReader & { close(): void } {
	let worker: PageWorkerHandle | undefined;
	let broken = false;
	let pulls = 0;
	const listening = new Map<number, (message: Inbox) => void>();
	const stopAll = (error: unknown) => {
		worker?.terminate();
		worker = undefined;
		for (const listen of listening.values()) listen({ kind: 'broken', error });
	};
	const stopOnLock = onKeysDropped(() => stopAll(new LockedError()));

	function started(): PageWorkerHandle {
		if (worker) return worker;
		const made = options.makeWorker();
		made.addEventListener('message', (event) => listening.get(event.data.pull)?.(event.data));
		made.addEventListener('error', () => {
			broken = true;
			stopAll(new Error('The page worker stopped.'));
		});
		return (worker = made);
	}

	/**
	 * Passes the body's bytes on as they come. A dropped connection ends the body there: the pages
	 * that arrived whole are still prepared and handed over, then the pull gets the TypeError.
	 */
	async function pump(reader: ReadableStreamDefaultReader<Uint8Array>, to: PageWorkerHandle, pull: number): Promise<unknown> {
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return to.postMessage({ kind: 'end', pull }, []);
				to.postMessage({ kind: 'bytes', pull, bytes: value }, [value.buffer]);
			}
		} catch (error) {
			to.postMessage({ kind: 'end', pull }, []);
			return error;
		}
	}

	return {
		async read(body, context, onPage) {
			// Refused while locked, whichever thread would prepare the pages.
			const key = keyFor(options.userId);
			if (broken) return options.inThread.read(body, context, onPage);
			const pull = ++pulls;
			const messages = inbox();
			let [pages, done] = [0, false];
			listening.set(pull, messages.push);
			const to = started();
			const reader = body.getReader();
			try {
				to.postMessage({ kind: 'start', pull, key, heldCases: [...(context.heldCases ?? [])] }, []);
				const pumped = pump(reader, to, pull);
				for (;;) {
					const message = await messages.next();
					if (message.kind === 'page') {
						await onPage(message.prepared);
						[pages, done] = [pages + 1, message.prepared.page.done];
					} else if (message.kind === 'ended') {
						const dropped = await pumped;
						if (dropped !== undefined) throw dropped;
						return { pages, done };
					} else throw message.kind === 'failed' ? new Error(message.message) : message.error;
				}
			} finally {
				listening.delete(pull);
				worker?.postMessage({ kind: 'stop', pull }, []);
				// Read to its end already, or stopped early: either way the connection is let go.
				await reader.cancel().catch(() => undefined);
			}
		},
		close() {
			stopOnLock();
			stopAll(new LockedError());
		}
	};
}
