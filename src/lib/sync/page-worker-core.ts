import { seal } from '../crypto/record-cipher.js';
import type { PullResponse } from '../protocol/sync-pull.js';
import { lineSplitter, parsePageLine } from './page-lines.js';
import { preparePulledPage, type PrepareContext, type PreparedPage } from './page-prep.js';

/** To the worker: one pull's key and context, its body's bytes as they arrive, their end, or a stop. */
export type ToPageWorker =
	| { kind: 'start'; pull: number; key: CryptoKey; heldCases: string[] }
	| { kind: 'bytes'; pull: number; bytes: Uint8Array }
	| { kind: 'end'; pull: number }
	| { kind: 'stop'; pull: number };

/** From the worker: a page ready to commit, every page of the body handed over, or why it stopped. */
export type FromPageWorker = { kind: 'page'; pull: number; prepared: PreparedPage } | { kind: 'ended'; pull: number } | { kind: 'failed'; pull: number; message: string };

type Post = (message: FromPageWorker, transfer: Transferable[]) => void;

/** The sealed bytes move to the page rather than being copied. */
const transfers = (prepared: PreparedPage): Transferable[] =>
	prepared.valid.flatMap(({ record, copy }) => [record.enc.data, ...(copy ? [copy.enc.data] : [])]);

/**
 * The work of the page worker: each pull's body is split into pages, each page checked against the
 * protocol and the domain schemas and sealed with the vault's key, and posted back in order. The
 * key is held only while its pull runs; the page ends the worker when the vault locks.
 */
export function pageWorker(post: Post): (message: ToPageWorker) => void {
	const pulls = new Map<number, { push(bytes: Uint8Array): void; finish(): void }>();

	function start({ pull, key, heldCases }: Extract<ToPageWorker, { kind: 'start' }>) {
		const context: PrepareContext = { heldCases: new Set(heldCases) };
		let chain: Promise<void> = Promise.resolve();
		let failed = false;
		const fail = (error: unknown) => {
			if (failed) return;
			failed = true;
			pulls.delete(pull);
			post({ kind: 'failed', pull, message: error instanceof Error ? error.message : String(error) }, []);
		};
		// A failure waits its turn behind the pages before it, which are still handed over.
		const after = (step: () => Promise<void>) => {
			chain = chain.then(() => (failed || !pulls.has(pull) ? undefined : step()));
			chain.catch(fail);
		};
		const lines = lineSplitter((line) => {
			let page: PullResponse;
			try {
				page = parsePageLine(line);
			} catch (error) {
				return after(() => Promise.reject(error));
			}
			after(async () => {
				const prepared = await preparePulledPage(page, (context, value) => seal(key, context, value), context);
				if (pulls.has(pull)) post({ kind: 'page', pull, prepared }, transfers(prepared));
			});
		});
		pulls.set(pull, {
			push: (bytes) => lines.push(bytes),
			finish: () => after(async () => void (pulls.delete(pull) && post({ kind: 'ended', pull }, [])))
		});
	}

	return (message) => {
		if (message.kind === 'start') return start(message);
		const running = pulls.get(message.pull);
		if (message.kind === 'bytes') running?.push(message.bytes);
		else if (message.kind === 'end') running?.finish();
		else pulls.delete(message.pull);
	};
}
