import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded-store.js';

let store: EmbeddedStore;
let dataDir: string;
let base: string;
let adminAuth: string;

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'tandem-store-'));
	store = await startEmbeddedStore(dataDir, 0);
	const url = new URL(store.url);
	base = `http://127.0.0.1:${url.port}`;
	adminAuth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
});
afterAll(() => store.stop());

const send = (method: string, path: string, auth?: string, body?: unknown) =>
	fetch(`${base}${path}`, {
		method,
		headers: { ...(auth ? { authorization: auth } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});

describe('the embedded store', () => {
	it('listens on loopback only, with a credential kept in the data folder and readable by its owner only', async () => {
		expect(new URL(store.url).hostname).toBe('127.0.0.1');
		const saved = JSON.parse(await readFile(join(dataDir, 'store-admin.json'), 'utf8')) as { password: string };
		expect(saved.password.length).toBeGreaterThanOrEqual(24);
		const { stat } = await import('node:fs/promises');
		expect((await stat(join(dataDir, 'store-admin.json'))).mode & 0o077).toBe(0);
	});

	it.each([
		['GET', '/_all_dbs'],
		['PUT', '/stolen'],
		['POST', '/_session'],
		['GET', '/_utils/'],
		['POST', '/anything/_find'],
		['GET', '/anything/_changes?filter=missing/filter']
	])('refuses an anonymous %s %s with 401', async (method, path) => {
		expect((await send(method, path)).status).toBe(401);
	});

	it('refuses a wrong password, and stays up after every refusal', async () => {
		const wrong = `Basic ${Buffer.from('tandem-server:guess').toString('base64')}`;
		expect((await send('PUT', '/stolen', wrong)).status).toBe(401);
		const answer = await send('GET', '/_all_dbs', adminAuth);
		expect(answer.status).toBe(200);
		expect(await answer.json()).not.toContain('stolen');
	});

	it('answers the server with its credential', async () => {
		expect((await send('PUT', '/scratch', adminAuth)).status).toBe(201);
		expect((await send('PUT', '/scratch/doc-1', adminAuth, { a: 1 })).status).toBe(201);
		const doc = (await (await send('GET', '/scratch/doc-1', adminAuth)).json()) as { a: number };
		expect(doc.a).toBe(1);
	});
});
