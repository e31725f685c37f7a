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

	it('answers several key ranges and key lists in one _all_docs/queries request, as CouchDB 3 does', async () => {
		expect((await send('PUT', '/ranges', adminAuth)).status).toBe(201);
		const docs = ['case:a', 'case:a:note:1', 'case:b:note:1', 'user:1'].map((_id) => ({ _id, n: _id.length }));
		expect((await send('POST', '/ranges/_bulk_docs', adminAuth, { docs })).status).toBe(201);
		const answer = await send('POST', '/ranges/_all_docs/queries', adminAuth, {
			queries: [{ startkey: 'case:a', endkey: 'case:a\ufff0' }, { keys: ['user:1', 'user:2'], include_docs: true }]
		});
		expect(answer.status).toBe(200);
		const { results } = (await answer.json()) as { results: { rows: { id?: string; key: string; error?: string; doc?: { n: number } }[] }[] };
		expect(results[0]!.rows.map((r) => r.id)).toEqual(['case:a', 'case:a:note:1']);
		expect(results[1]!.rows.map((r) => [r.key, r.doc?.n ?? r.error])).toEqual([['user:1', 6], ['user:2', 'not_found']]);
		expect((await send('POST', '/ranges/_all_docs/queries', undefined, { queries: [] })).status).toBe(401);
		expect((await send('POST', '/missing/_all_docs/queries', adminAuth, { queries: [] })).status).toBe(404);
	});

	it('answers documents by keys row for row as express-pouchdb did: found, missing, deleted and repeated, in the order asked', async () => {
		expect((await send('PUT', '/keyed', adminAuth)).status).toBe(201);
		const answers = (await (await send('POST', '/keyed/_bulk_docs', adminAuth, { docs: [{ _id: 'kept', n: 1 }, { _id: 'gone', n: 2 }, { _id: '_design/d', views: {} }] })).json()) as { id: string; rev: string }[];
		const rev = Object.fromEntries(answers.map((a) => [a.id, a.rev]));
		const gone = (await (await send('DELETE', `/keyed/gone?rev=${rev.gone}`, adminAuth)).json()) as { rev: string };
		const kept = { id: 'kept', key: 'kept', value: { rev: rev.kept }, doc: { _id: 'kept', _rev: rev.kept, n: 1 } };
		const expected = [
			kept,
			{ key: 'never', error: 'not_found' },
			{ id: 'gone', key: 'gone', value: { rev: gone.rev, deleted: true }, doc: null },
			{ id: '_design/d', key: '_design/d', value: { rev: rev['_design/d'] }, doc: { _id: '_design/d', _rev: rev['_design/d'], views: {} } },
			{ key: '_local/x', error: 'not_found' },
			kept
		];
		const keys = ['kept', 'never', 'gone', '_design/d', '_local/x', 'kept'];
		const byFetch = (await (await send('POST', '/keyed/_all_docs?include_docs=true', adminAuth, { keys })).json()) as { rows: unknown[] };
		const byQueries = (await (await send('POST', '/keyed/_all_docs/queries', adminAuth, { queries: [{ keys, include_docs: true }, { keys, include_docs: true, conflicts: true }] })).json()) as { results: { rows: unknown[] }[] };
		expect(byFetch.rows).toEqual(expected);
		expect(byQueries.results.map((r) => r.rows)).toEqual([expected, expected]);
		// Anything else asked of _all_docs is express-pouchdb's to answer, as before.
		const idsOnly = (await (await send('POST', '/keyed/_all_docs', adminAuth, { keys: ['kept'] })).json()) as { rows: unknown[] };
		expect(idsOnly.rows).toEqual([{ id: 'kept', key: 'kept', value: { rev: rev.kept } }]);
		const broken = await fetch(`${base}/keyed/_all_docs?include_docs=true`, { method: 'POST', headers: { authorization: adminAuth, 'content-type': 'application/json' }, body: '{"keys": [' });
		expect([broken.status, await broken.json()]).toEqual([400, { error: 'bad_request', reason: 'invalid_json' }]);
		expect((await send('POST', '/nothing/_all_docs?include_docs=true', adminAuth, { keys })).status).toBe(404);
	});

	it('applies a validate_doc_update rule from the next write after it is added, changed or removed, however it is written', async () => {
		const rule = (type: string) => `function (doc) { if (doc.type === '${type}') { throw({ forbidden: 'No ${type} here' }); } }`;
		const write = async (db: string, type: string) => (await send('POST', `/${db}/_bulk_docs`, adminAuth, { docs: [{ type }] })).json() as Promise<{ error?: string }[]>;
		const refused = async (db: string, type: string) => (await write(db, type))[0]?.error === 'forbidden';
		expect((await send('PUT', '/rules', adminAuth)).status).toBe(201);
		expect(await refused('rules', 'secret')).toBe(false);
		const added = (await (await send('PUT', '/rules/_design/guard', adminAuth, { validate_doc_update: rule('secret') })).json()) as { rev: string };
		expect(await refused('rules', 'secret')).toBe(true);
		// Changed in a batch, beside an ordinary document.
		const batch = [{ _id: '_design/guard', _rev: added.rev, validate_doc_update: rule('draft') }, { _id: 'plain', type: 'note' }];
		expect((await send('POST', '/rules/_bulk_docs', adminAuth, { docs: batch })).status).toBe(201);
		expect([await refused('rules', 'secret'), await refused('rules', 'draft')]).toEqual([false, true]);
		const { _rev } = (await (await send('GET', '/rules/_design/guard', adminAuth)).json()) as { _rev: string };
		expect((await send('DELETE', `/rules/_design/guard?rev=${_rev}`, adminAuth)).status).toBe(200);
		expect(await refused('rules', 'draft')).toBe(false);
		// A database made again under the same name starts without the old one's rules.
		expect((await send('PUT', '/rules/_design/guard', adminAuth, { validate_doc_update: rule('note') })).status).toBe(201);
		expect(await refused('rules', 'note')).toBe(true);
		expect((await send('DELETE', '/rules', adminAuth)).status).toBe(200);
		expect((await send('PUT', '/rules', adminAuth)).status).toBe(201);
		expect(await refused('rules', 'note')).toBe(false);
	});
});
