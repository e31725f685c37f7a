import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../protocol/sync-pull.js';
import { readPageStream } from './pull-stream.js';

const page = (done: number, last: boolean): PullResponse => ({
	records: [],
	deletions: [],
	purges: [],
	checkpoints: { cases: { 'case-0001-abcd': `v1.page${done}` } },
	done: last,
	progress: { done, total: 3 },
	serverTime: '2026-11-01T10:00:00.000Z'
});

/** A response body arriving in pieces cut at awkward places: mid-line and mid-character. */
function body(text: string, pieceLength = 7): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
	const bytes = new TextEncoder().encode(text);
	let at = 0;
	let cancelled = false;
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(at, (at += pieceLength)));
		},
		cancel: () => void (cancelled = true)
	});
	return { stream, cancelled: () => cancelled };
}
const lines = (...pages: unknown[]) => pages.map((p) => `${JSON.stringify(p)}\n`).join('');

describe('reading a streamed pull', () => {
	it('hands over every page in order, however the bytes arrive, and says the pull is done', async () => {
		const seen: number[] = [];
		const pages = [page(1, false), { ...page(2, false), checkpoints: { cases: { 'case-0001-abcd': 'v1.é€' } } }, page(3, true)];
		const answer = await readPageStream(body(lines(...pages), 5).stream, async (p) => void seen.push(p.progress.done));
		expect(seen).toEqual([1, 2, 3]);
		expect(answer).toEqual({ pages: 3, done: true });
	});

	it('does not take a last line cut off mid-way as a page, and says the pull is not done', async () => {
		const seen: number[] = [];
		const text = lines(page(1, false)) + JSON.stringify(page(2, true)).slice(0, 40);
		const answer = await readPageStream(body(text).stream, async (p) => void seen.push(p.progress.done));
		expect(seen).toEqual([1]);
		expect(answer).toEqual({ pages: 1, done: false });
	});

	it('stops at a page this app does not understand, keeping the pages handled before it', async () => {
		const seen: number[] = [];
		const text = lines(page(1, false), { ...page(2, false), progress: { done: -1 } }, page(3, true));
		await expect(readPageStream(body(text).stream, async (p) => void seen.push(p.progress.done))).rejects.toThrow('does not understand');
		expect(seen).toEqual([1]);
	});

	it('stops reading when storing a page fails, and reports that failure', async () => {
		const source = body(lines(page(1, false), page(2, false), page(3, true)), 4);
		const seen: number[] = [];
		const onPage = async (p: PullResponse) => {
			if (p.progress.done === 2) throw new Error('The disk is full');
			seen.push(p.progress.done);
		};
		await expect(readPageStream(source.stream, onPage)).rejects.toThrow('The disk is full');
		expect(seen).toEqual([1]);
	});
});
