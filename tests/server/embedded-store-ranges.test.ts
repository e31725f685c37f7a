import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded-store.js';

type Row = { id: string; key: string; value: { rev: string } };
type RangeQuery = { startkey?: string; endkey?: string; inclusive_end?: boolean; include_docs?: boolean };
type Listing = { total_rows: number; offset: number; rows: Row[] };

let store: EmbeddedStore;
let dataDir: string;
let base: string;
let adminAuth: string;

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'tandem-ranges-'));
	store = await startEmbeddedStore(dataDir, 0);
	const url = new URL(store.url);
	base = `http://127.0.0.1:${url.port}`;
	adminAuth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
});
afterAll(async () => {
	await store.stop();
	await rm(dataDir, { recursive: true, force: true });
});

const send = async (method: string, path: string, body?: unknown) => {
	const answer = await fetch(`${base}${path}`, { method, headers: { authorization: adminAuth, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
	return { status: answer.status, body: (await answer.json()) as unknown };
};
const queries = async (db: string, list: Record<string, unknown>[]) => {
	const answer = await send('POST', `/${db}/_all_docs/queries`, { queries: list });
	expect(answer.status).toBe(200);
	return (answer.body as { results: Listing[] }).results;
};
/** PouchDB's own answer to the same range: `skip: 0` changes no row but is an option only PouchDB handles. */
const byPouch = (query: Record<string, unknown>) => ({ ...query, skip: 0 });

const A = 'case:a:';
const END = 'case:a:\ufff0';
// Around the range's edges, and ids whose UTF-8 bytes sort differently from their UTF-16 units
// (the emoji sorts before \ufff0 in JavaScript, after it in LevelDB).
const IDS = ['case:a', 'case:a9', A, `${A}note:1`, `${A}note:2`, `${A}é`, `${A}日本`, `${A}😀`, `${A}\uffef`, END, `${END}x`, `${A}\uffff`, 'case:b:', 'case:b:note:1', 'case:\uffffa', '_design/d', 'user:1'];

describe('key ranges listed by the embedded store', () => {
	const revs = new Map<string, string>();
	beforeAll(async () => {
		expect((await send('PUT', '/listing')).status).toBe(201);
		const written = (await send('POST', '/listing/_bulk_docs', { docs: IDS.map((_id) => ({ _id, n: _id.length })) })).body as { id: string; rev: string }[];
		for (const { id, rev } of written) revs.set(id, rev);
		// Updated, deleted, in conflict (two branches, the longer wins), and a local document in range.
		const note1 = `${A}note:1`;
		const updated = (await send('PUT', `/listing/${encodeURIComponent(note1)}`, { _rev: revs.get(note1), n: 2 })).body as { rev: string };
		revs.set(note1, updated.rev);
		expect((await send('DELETE', `/listing/${encodeURIComponent(`${A}note:2`)}?rev=${revs.get(`${A}note:2`)}`)).status).toBe(200);
		// The losing branch written last, so the document's last written revision is not its winner.
		const branches = [
			{ _id: `${A}conflict`, _rev: '3-bbb', _revisions: { start: 3, ids: ['bbb', 'mid', 'root'] }, side: 'two' },
			{ _id: `${A}conflict`, _rev: '2-aaa', _revisions: { start: 2, ids: ['aaa', 'root'] }, side: 'one' }
		];
		for (const branch of branches) expect((await send('POST', '/listing/_bulk_docs', { docs: [branch], new_edits: false })).status).toBe(201);
		expect((await send('PUT', `/listing/_local/${encodeURIComponent('a:local')}`, { n: 1 })).status).toBe(201);
	});

	it('lists a case range exactly as PouchDB does: latest and winning revisions, deleted and local documents left out, edges and non-ASCII ids in their place', async () => {
		const [direct, pouch] = await queries('listing', [{ startkey: A, endkey: END }, byPouch({ startkey: A, endkey: END })]);
		expect(direct).toEqual(pouch);
		expect(direct!.rows.map((r) => r.id)).toEqual([A, `${A}conflict`, `${A}note:1`, `${A}é`, `${A}日本`, `${A}\uffef`, END]);
		expect(direct!.rows.find((r) => r.id === `${A}conflict`)!.value.rev).toBe('3-bbb');
		expect(direct!.rows.find((r) => r.id === `${A}note:1`)!.value.rev).toBe(revs.get(`${A}note:1`));
		expect(direct!.rows.find((r) => r.id === `${A}note:1`)!.value.rev).toMatch(/^2-/);
		expect(direct!.total_rows).toBe(IDS.length);
		expect(direct!.offset).toBe(0);
	});

	it.each<[string, RangeQuery]>([
		['an end left out with inclusive_end false', { startkey: A, endkey: END, inclusive_end: false }],
		['an end kept with inclusive_end true', { startkey: A, endkey: END, inclusive_end: true }],
		['a range that holds nothing', { startkey: 'case:c:', endkey: 'case:c:\ufff0' }],
		['a start after the end', { startkey: END, endkey: A }],
		['a start after the end in JavaScript but not in LevelDB', { startkey: 'case:\uffff', endkey: 'case:😀' }],
		['a range of one id', { startkey: 'case:b:', endkey: 'case:b:' }],
		['design documents', { startkey: '_design/', endkey: '_design/\ufff0' }],
		['only a start', { startkey: 'case:b:' }],
		['only an end', { endkey: 'case:a:' }],
		['empty keys, which PouchDB reads as none', { startkey: '', endkey: '' }],
		['no keys at all', {}],
		['include_docs false', { startkey: A, endkey: END, include_docs: false }]
	])('answers %s as PouchDB does', async (_, query) => {
		const [direct, pouch] = await queries('listing', [query, byPouch(query)]);
		expect(direct).toEqual(pouch);
	});

	it("answers nano's GET /{db}/_all_docs over a key range as express-pouchdb does, and leaves it anything else", async () => {
		const get = (db: string, query: Record<string, unknown>) => send('GET', `/${db}/_all_docs?${new URLSearchParams(Object.entries(query).map(([name, value]): [string, string] => [name, JSON.stringify(value)]))}`);
		const asked: Record<string, unknown>[] = [{ startkey: A, endkey: END }, { startkey: A, endkey: END, inclusive_end: false }, { endkey: 'case:a:' }, {}, { startkey: END, endkey: A }, { startkey: A, endkey: END, include_docs: true }];
		for (const query of asked) expect(JSON.stringify(await get('listing', query))).toBe(JSON.stringify(await get('listing', byPouch(query))));
		const direct = await get('listing', { startkey: A, endkey: END });
		expect((direct.body as Listing).rows.map((r) => r.id)).toEqual([A, `${A}conflict`, `${A}note:1`, `${A}é`, `${A}日本`, `${A}\uffef`, END]);
		const unquoted = await send('GET', `/listing/_all_docs?startkey=case:b:&endkey=case:b:%EF%BF%B0`);
		expect((unquoted.body as Listing).rows.map((r) => r.id)).toEqual(['case:b:', 'case:b:note:1']);
		const limited = await get('listing', { startkey: A, endkey: END, limit: 1 });
		expect((limited.body as Listing).rows.map((r) => r.id)).toEqual([A]);
		expect(await get('missing', { startkey: A, endkey: END })).toEqual(await get('missing', byPouch({ startkey: A, endkey: END })));
	});

	it('leaves out the end id with inclusive_end false, and finds nothing where the start sorts after the end', async () => {
		const [without, none, unicode] = await queries('listing', [{ startkey: A, endkey: END, inclusive_end: false }, { startkey: END, endkey: A }, { startkey: 'case:\uffff', endkey: 'case:😀' }]);
		expect(without!.rows.map((r) => r.id)).not.toContain(END);
		expect(without!.rows.map((r) => r.id)).toContain(`${A}\uffef`);
		expect([none!.rows, unicode!.rows]).toEqual([[], []]);
	});

	it('still answers options it does not read itself as PouchDB does: bodies, conflicts, limits, skips, descending order, keys', async () => {
		const results = await queries('listing', [
			{ startkey: A, endkey: END, include_docs: true, conflicts: true },
			{ startkey: A, endkey: END, limit: 2 },
			{ startkey: A, endkey: END, skip: 5 },
			{ startkey: END, endkey: A, descending: true },
			{ start_key: 'case:b:', end_key: 'case:b:\ufff0' },
			{ keys: [`${A}note:1`] }
		]);
		const ids = results.map((r) => r.rows.map((row) => row.id));
		const all = [A, `${A}conflict`, `${A}note:1`, `${A}é`, `${A}日本`, `${A}\uffef`, END];
		expect(ids).toEqual([all, all.slice(0, 2), all.slice(5), [...all].reverse(), ['case:b:', 'case:b:note:1'], [`${A}note:1`]]);
		const withDocs = results[0]!.rows as (Row & { doc: { side?: string; _conflicts?: string[] } })[];
		expect(withDocs.find((r) => r.id === `${A}conflict`)!.doc).toMatchObject({ side: 'two', _conflicts: ['2-aaa'] });
	});

	it.each<[string, RangeQuery]>([
		['a case range', { startkey: A, endkey: END }],
		['an end left out with inclusive_end false', { startkey: A, endkey: END, inclusive_end: false }],
		['a range that holds nothing', { startkey: 'case:c:', endkey: 'case:c:\ufff0' }],
		['a start after the end', { startkey: END, endkey: A }],
		['design documents', { startkey: '_design/', endkey: '_design/\ufff0' }],
		['no keys at all', {}]
	])('answers %s with bodies exactly as PouchDB does', async (_, range) => {
		const query = { ...range, include_docs: true };
		const [direct, pouch] = await queries('listing', [query, byPouch(query)]);
		expect(JSON.stringify(direct)).toBe(JSON.stringify(pouch));
	});

	it('gives each row with a body the body of its winning revision, leaving deleted documents out', async () => {
		const [direct] = await queries('listing', [{ startkey: A, endkey: END, include_docs: true }]);
		const docs = (direct!.rows as (Row & { doc: Record<string, unknown> })[]).map((r) => r.doc);
		expect(docs.map((d) => d._id)).toEqual([A, `${A}conflict`, `${A}note:1`, `${A}é`, `${A}日本`, `${A}\uffef`, END]);
		expect(docs.find((d) => d._id === `${A}conflict`)).toEqual({ _id: `${A}conflict`, _rev: '3-bbb', side: 'two' });
		expect(docs.find((d) => d._id === `${A}note:1`)).toEqual({ _id: `${A}note:1`, _rev: revs.get(`${A}note:1`), n: 2 });
		for (const row of direct!.rows as (Row & { doc: Record<string, unknown> })[]) expect(row.doc._rev).toBe(row.value.rev);
	});

	it('answers a range with bodies holding a document with an attachment as PouchDB does, its attachment a stub', async () => {
		expect((await send('PUT', '/attached')).status).toBe(201);
		const data = Buffer.from('hello').toString('base64');
		const docs = [{ _id: `${A}1`, n: 1 }, { _id: `${A}2`, n: 2, _attachments: { 'a.txt': { content_type: 'text/plain', data } } }, { _id: `${A}3`, n: 3 }];
		expect((await send('POST', '/attached/_bulk_docs', { docs })).status).toBe(201);
		const query = { startkey: A, endkey: END, include_docs: true };
		const [direct, pouch] = await queries('attached', [query, byPouch(query)]);
		expect(JSON.stringify(direct)).toBe(JSON.stringify(pouch));
		expect((direct!.rows[1] as Row & { doc: Record<string, unknown> }).doc).toMatchObject({ n: 2, _attachments: { 'a.txt': { stub: true, content_type: 'text/plain' } } });
		expect(direct!.rows).toHaveLength(3);
	});

	it('lists a database deleted and made again under the same name as empty', async () => {
		expect((await send('PUT', '/again')).status).toBe(201);
		expect((await send('POST', '/again/_bulk_docs', { docs: [{ _id: `${A}x` }] })).status).toBe(201);
		expect((await queries('again', [{ startkey: A, endkey: END }]))[0]!.rows).toHaveLength(1);
		expect((await send('DELETE', '/again')).status).toBe(200);
		expect((await send('PUT', '/again')).status).toBe(201);
		expect(await queries('again', [{ startkey: A, endkey: END }])).toEqual([{ total_rows: 0, offset: 0, rows: [] }]);
	});

	it('lists only committed winning revisions while the same documents are written, and never fails', async () => {
		expect((await send('PUT', '/busy')).status).toBe(201);
		const ids = Array.from({ length: 300 }, (_, i) => `case:busy:${String(i).padStart(4, '0')}`);
		const chains = new Map(ids.map((id) => [id, [] as string[]]));
		const record = (answers: { id: string; rev?: string }[]) => answers.forEach((a) => a.rev && chains.get(a.id)!.push(a.rev));
		record((await send('POST', '/busy/_bulk_docs', { docs: ids.map((_id) => ({ _id, n: 0 })) })).body as { id: string; rev: string }[]);
		const range = { startkey: 'case:busy:', endkey: 'case:busy:\ufff0' };
		const writing = (async () => {
			for (let n = 1; n <= 8; n++) {
				const docs = ids.map((_id) => ({ _id, _rev: chains.get(_id)!.at(-1), n, ...(n === 8 && _id.endsWith('7') ? { _deleted: true } : {}) }));
				record((await send('POST', '/busy/_bulk_docs', { docs })).body as { id: string; rev: string }[]);
			}
		})();
		const listings: Listing[] = [];
		let done = false;
		void writing.then(() => (done = true));
		while (!done) listings.push(...(await queries('busy', [range, range])));
		await writing;
		listings.push(...(await queries('busy', [range])));
		expect(listings.length).toBeGreaterThan(2);
		for (const listing of listings) {
			expect(listing.rows.map((r) => r.id)).toEqual([...listing.rows.map((r) => r.id)].sort());
			for (const row of listing.rows) expect(chains.get(row.id)).toContain(row.value.rev);
		}
		const last = listings.at(-1)!;
		expect(last.rows).toHaveLength(270);
		for (const row of last.rows) expect(row.value.rev).toBe(chains.get(row.id)!.at(-1));
	});

	it("gives every row with a body the revision its _rev names while the same documents are written, and never fails", async () => {
		expect((await send('PUT', '/busy-bodies')).status).toBe(201);
		const ids = Array.from({ length: 300 }, (_, i) => `case:busy:${String(i).padStart(4, '0')}`);
		const chains = new Map(ids.map((id) => [id, [] as string[]]));
		// Each revision's body, by revision: n counts the writes, and the revision names its document.
		const bodies = new Map<string, { n: number; of: string }>();
		const record = (answers: { id: string; rev?: string }[], n: number) =>
			answers.forEach((a) => {
				if (!a.rev) return;
				chains.get(a.id)!.push(a.rev);
				bodies.set(a.rev, { n, of: a.id });
			});
		record((await send('POST', '/busy-bodies/_bulk_docs', { docs: ids.map((_id) => ({ _id, n: 0, of: _id })) })).body as { id: string; rev: string }[], 0);
		const range = { startkey: 'case:busy:', endkey: 'case:busy:\ufff0', include_docs: true };
		const writing = (async () => {
			for (let n = 1; n <= 8; n++) {
				const docs = ids.map((_id) => ({ _id, _rev: chains.get(_id)!.at(-1), n, of: _id, ...(n === 8 && _id.endsWith('7') ? { _deleted: true } : {}) }));
				record((await send('POST', '/busy-bodies/_bulk_docs', { docs })).body as { id: string; rev: string }[], n);
			}
		})();
		const listings: Listing[] = [];
		let done = false;
		void writing.then(() => (done = true));
		while (!done) listings.push(...(await queries('busy-bodies', [range, range])));
		await writing;
		listings.push(...(await queries('busy-bodies', [range])));
		expect(listings.length).toBeGreaterThan(2);
		for (const listing of listings) {
			expect(listing.rows.map((r) => r.id)).toEqual([...listing.rows.map((r) => r.id)].sort());
			for (const row of listing.rows as (Row & { doc: { _id: string; _rev: string; n: number; of: string } })[]) {
				expect(chains.get(row.id)).toContain(row.value.rev);
				expect(row.doc).toEqual({ _id: row.id, _rev: row.value.rev, ...bodies.get(row.value.rev) });
			}
		}
		const last = listings.at(-1)!;
		expect(last.rows).toHaveLength(270);
		for (const row of last.rows as (Row & { doc: { n: number } })[]) expect([row.value.rev, row.doc.n]).toEqual([chains.get(row.id)!.at(-1), 8]);
	});
});
