import { once } from 'node:events';
import { Readable } from 'node:stream';
import { brotliDecompressSync, createBrotliDecompress, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { chooseEncoding, encodePages } from '../../server/services/sync-pull-encoding.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, push, type Tablet } from './sync-support.js';

const CASE = 'case-encoded-0001';
let env: InProcess;
let fac: Tablet;

beforeAll(async () => {
	env = await startInProcess();
	const [facId, coord] = [await addUser(env.services, 'fac', ['facilitator']), await addUser(env.services, 'coord', ['coordinator'])];
	await addCase(env.services, CASE, 'RJ-2026-0401', coord, [facId]);
	fac = { deviceId: 'fac-tablet-0004', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0004', label: 'Tablet A' }) };
	const people = Array.from({ length: 6 }, (_, i) => mutationOf(fac, undefined, participant(CASE, `participant-enc-${i}`, { createdBy: facId, accessibilityNeeds: 'Prefers mornings; large print. '.repeat(20) })));
	expect((await push(env.app, fac, people)).body.results.map((r) => r.status)).toEqual(people.map(() => 'applied'));
}, 60_000);
afterAll(() => env.stop());

async function streamed(acceptEncoding?: string) {
	const answer = await env.app.inject({
		method: 'POST',
		url: '/api/sync/pull-stream',
		headers: { cookie: fac.cookie, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
		payload: { deviceId: fac.deviceId, cases: [], limit: 2 }
	});
	expect(answer.statusCode).toBe(200);
	return { headers: answer.headers, raw: answer.rawPayload };
}

/** What a device keeps of the pages: everything but the moment the server answered. */
const pagesOf = (text: string) =>
	text
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => {
			const { serverTime: _, ...page } = JSON.parse(line) as PullResponse;
			return page;
		});

describe('the streamed pull, compressed page by page', () => {
	it('is brotli for a device that takes it, decoding once to the same pages as the plain answer', async () => {
		const plain = await streamed();
		expect(plain.headers['content-encoding']).toBeUndefined();
		const expected = pagesOf(plain.raw.toString('utf8'));
		expect(expected.length).toBeGreaterThan(2);
		const br = await streamed('gzip, deflate, br');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toMatch(/accept-encoding/iu);
		expect(br.raw.length).toBeLessThan(plain.raw.length);
		expect(pagesOf(brotliDecompressSync(br.raw).toString('utf8'))).toEqual(expected);
	});

	it('is gzip for a device that does not take brotli, and plain for one that takes neither', async () => {
		const expected = pagesOf((await streamed()).raw.toString('utf8'));
		const gzip = await streamed('gzip, br;q=0');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(pagesOf(gunzipSync(gzip.raw).toString('utf8'))).toEqual(expected);
		const deflateOnly = await streamed('deflate');
		expect(deflateOnly.headers['content-encoding']).toBeUndefined();
		expect(pagesOf(deflateOnly.raw.toString('utf8'))).toEqual(expected);
	});

	it('picks the encoding from the weights the device gives', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('*, br;q=0')).toBe('gzip');
		expect(chooseEncoding(['identity', 'x-gzip'])).toBe('gzip');
		expect(chooseEncoding(undefined)).toBe('identity');
		expect(chooseEncoding('gzip;q=0, br;q=0')).toBe('identity');
	});

	it('hands the device its first page while the server is still writing the last', async () => {
		let firstDecoded!: () => void;
		const seen = new Promise<void>((resolve) => (firstDecoded = resolve));
		let firstBeforeLast = false;
		async function* pages() {
			yield `${JSON.stringify({ page: 1, filler: 'a'.repeat(2000) })}\n`;
			// Wait (a while at most) for the device to have decoded the first page before making the last.
			firstBeforeLast = await Promise.race([seen.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]);
			yield `${JSON.stringify({ page: 2 })}\n`;
		}
		const decoded = encodePages(pages(), 'br', () => undefined).pipe(createBrotliDecompress());
		let text = '';
		decoded.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8');
			if (text.includes('\n')) firstDecoded();
		});
		await once(decoded, 'end');
		expect(firstBeforeLast).toBe(true);
		expect(text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { page: number }).page)).toEqual([1, 2]);
	});

	it('stops reading the store for a device that goes away part-way', async () => {
		let stopped!: () => void;
		const stops = new Promise<boolean>((resolve) => (stopped = () => resolve(true)));
		async function* pages() {
			try {
				for (let page = 1; ; page++) {
					yield `${JSON.stringify({ page })}\n`;
					await new Promise((resolve) => setImmediate(resolve));
				}
			} finally {
				stopped();
			}
		}
		const answer: Readable = encodePages(pages(), 'gzip', () => undefined);
		await once(answer, 'data');
		answer.destroy();
		expect(await Promise.race([stops, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))])).toBe(true);
	});
});
