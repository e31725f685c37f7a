import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB, { type PouchDatabase } from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepLevelStores, listRange, type LevelStore, type RangeRow } from './embedded-store-ranges.js';

// The HTTP side, against the embedded store itself, is tests/server/embedded-store-ranges.test.ts.
type Listing = { total_rows: number; offset: number; rows: RangeRow[] };
const A = 'case:a:';
const END = 'case:a:\ufff0';
const IDS = ['case:a', A, `${A}note:1`, `${A}é`, `${A}日本`, `${A}😀`, END, `${END}x`, 'case:b:', '_design/d'];

describe('a range read straight from the LevelDB store', () => {
	let folder: string;
	let db: PouchDatabase;
	let level: LevelStore;
	let asked: Record<string, unknown>[];
	let writer: { bulkDocs(docs: unknown[], options?: object): Promise<unknown> };
	const count = async () => (await db.info()).doc_count;

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'tandem-ranges-unit-'));
		const stores = keepLevelStores();
		const Level = PouchDB.defaults({ prefix: `${folder}/`, db: stores.db });
		const opened = new Level('unit');
		await opened.info();
		level = stores.opened(`${folder}/unit`)!;
		writer = opened as unknown as typeof writer;
		asked = [];
		db = {
			allDocs: (query) => {
				asked.push(query);
				return opened.allDocs(query);
			},
			info: () => opened.info(),
			get: (id) => opened.get(id)
		};
		// A lone surrogate is written to LevelDB's key as U+FFFD, but kept escaped in the metadata.
		await (opened as unknown as { bulkDocs(docs: unknown[]): Promise<unknown> }).bulkDocs([...IDS, `${A}\ud800x`].map((_id) => ({ _id })));
	});
	const rawStore = () => level as unknown as { put(k: string, v: string, cb: (e?: Error) => void): void; get(k: string, o: object, cb: (e: Error | null, v: string) => void): void };
	const put = (key: string, value: string) => new Promise<void>((resolve, reject) => rawStore().put(key, value, (e) => (e ? reject(e) : resolve())));
	const get = (key: string) => new Promise<string>((resolve, reject) => rawStore().get(key, { asBuffer: false }, (e, v) => (e ? reject(e) : resolve(v))));
	afterAll(() => rm(folder, { recursive: true, force: true }));

	it('answers without asking PouchDB, and keeps the name PouchDB reports as its backend', async () => {
		asked = [];
		const direct = await listRange(db, level, { startkey: A, endkey: END }, count);
		expect(asked).toEqual([]);
		expect(direct).toEqual(await db.allDocs({ startkey: A, endkey: END }));
		expect(await db.info()).toMatchObject({ backend_adapter: 'LevelDOWN' });
	});

	it('lists ids that LevelDB cannot hold as written, and metadata written in another order or marked deleted, as PouchDB does without asking it', async () => {
		const [reordered, deleted] = [`\xffdocument-store\xff${A}日本`, `\xffdocument-store\xff${A}é`];
		const values = [await get(reordered), await get(deleted)] as const;
		const { seq, id, ...rest } = JSON.parse(values[0]) as Record<string, unknown>;
		await put(reordered, JSON.stringify({ seq, ...rest, id }));
		await put(deleted, JSON.stringify({ ...(JSON.parse(values[1]) as object), deleted: true }));
		asked = [];
		const range = { startkey: A, endkey: `${A}\uffff` };
		const direct = (await listRange(db, level, range, count)) as Listing;
		expect(asked).toEqual([]);
		const pouch = await db.allDocs(range);
		await Promise.all([put(reordered, values[0]), put(deleted, values[1])]);
		expect(direct).toEqual(pouch);
		expect(direct.rows.map((r) => r.id)).toEqual(expect.arrayContaining([`${A}\ud800x`, `${A}日本`]));
		expect(direct.rows.map((r) => r.id)).not.toContain(`${A}é`);
	});

	it('asks PouchDB when a document was stored without its winning revision cached, or the store is closed', async () => {
		const key = `\xffdocument-store\xff${A}é`;
		const value = await get(key);
		const { winningRev: _w, deleted: _d, ...older } = JSON.parse(value) as Record<string, unknown>;
		await put(key, JSON.stringify(older));
		asked = [];
		const answer = (await listRange(db, level, { startkey: A, endkey: END }, count)) as Listing;
		expect(asked).toHaveLength(1);
		expect(answer.rows.find((r) => r.id === `${A}é`)?.value.rev).toMatch(/^1-/);
		await put(key, value);
		asked = [];
		await listRange(db, { status: 'closed', iterator: () => { throw new Error('closed'); } }, { startkey: A, endkey: END }, count);
		await listRange(db, undefined, { startkey: A, endkey: END }, count);
		expect(asked).toHaveLength(2);
	});

	describe('with bodies', () => {
		const B = 'body:';
		const range = { startkey: B, endkey: `${B}\ufff0`, include_docs: true };
		/** The store's own reads, each counted, any replaced. */
		const calls = { getMany: 0, get: 0 };
		const wrapped = (changes: Partial<LevelStore> = {}): LevelStore => {
			const inner = level as Required<LevelStore>;
			return {
				status: 'open',
				iterator: (options) => inner.iterator(options),
				getMany: (keys, options, callback) => (calls.getMany++, inner.getMany(keys, options, callback)),
				get: (key, options, callback) => (calls.get++, inner.get(key, options, callback)),
				...changes
			};
		};
		beforeAll(async () => {
			const written = (await writer.bulkDocs([1, 2, 3, 4].map((n) => ({ _id: `${B}${n}`, n, nested: { list: [n, 'é'] } })))) as { id: string; rev: string }[];
			// Updated (the body of its second revision), deleted, and in conflict with the losing branch written last.
			await writer.bulkDocs([{ _id: `${B}1`, _rev: written[0]!.rev, n: 10 }, { _id: `${B}2`, _rev: written[1]!.rev, _deleted: true }]);
			await writer.bulkDocs([{ _id: `${B}5`, _rev: '3-bbb', _revisions: { start: 3, ids: ['bbb', 'mid', 'root'] }, side: 'two' }], { new_edits: false });
			await writer.bulkDocs([{ _id: `${B}5`, _rev: '2-aaa', _revisions: { start: 2, ids: ['aaa', 'root'] }, side: 'one' }], { new_edits: false });
		});

		it('reads the bodies in one getMany and answers exactly what PouchDB answers, without asking it', async () => {
			asked = [];
			calls.getMany = calls.get = 0;
			const direct = (await listRange(db, wrapped(), range, count)) as Listing & { rows: { doc: Record<string, unknown> }[] };
			expect(asked).toEqual([]);
			expect(calls).toEqual({ getMany: 1, get: 0 });
			expect(JSON.stringify(direct)).toBe(JSON.stringify(await db.allDocs(range)));
			expect(direct.rows.map((r) => r.doc)).toEqual([
				{ _id: `${B}1`, _rev: expect.stringMatching(/^2-/), n: 10 },
				{ _id: `${B}3`, _rev: expect.stringMatching(/^1-/), n: 3, nested: { list: [3, 'é'] } },
				{ _id: `${B}4`, _rev: expect.stringMatching(/^1-/), n: 4, nested: { list: [4, 'é'] } },
				{ _id: `${B}5`, _rev: '3-bbb', side: 'two' }
			]);
			const without = { ...range, inclusive_end: false, endkey: `${B}4` };
			expect(JSON.stringify(await listRange(db, wrapped(), without, count))).toBe(JSON.stringify(await db.allDocs(without)));
			expect(asked).toHaveLength(2);
		});

		it('reads the bodies one by one where the store has no getMany', async () => {
			asked = [];
			calls.getMany = calls.get = 0;
			const direct = await listRange(db, wrapped({ getMany: undefined }), range, count);
			expect(asked).toEqual([]);
			expect(calls).toEqual({ getMany: 0, get: 4 });
			expect(JSON.stringify(direct)).toBe(JSON.stringify(await db.allDocs(range)));
		});

		it("asks PouchDB when a body is missing, is not the row's revision, or is not JSON, and when the store fails", async () => {
			const answering = (values: (keys: string[], real: (string | undefined)[]) => (string | undefined)[]) =>
				wrapped({ getMany: (keys, options, callback) => (level as Required<LevelStore>).getMany(keys, options, (error, real) => callback(error, values(keys, real!))) });
			const pouch = JSON.stringify(await db.allDocs(range));
			const stores = [
				answering((_, real) => [real[0], undefined, ...real.slice(2)]),
				answering((_, real) => real.map((v) => v!.replace(/"_rev":"3-bbb"/, '"_rev":"2-aaa"'))),
				answering((_, real) => real.map((v) => v!.replace(`"_id":"${B}3"`, `"_id":"${B}4"`))),
				answering((_, real) => ['{', ...real.slice(1)]),
				wrapped({ getMany: (_keys, _options, callback) => callback(new Error('failed')) })
			];
			for (const store of stores) {
				asked = [];
				expect(JSON.stringify(await listRange(db, store, range, count))).toBe(pouch);
				expect(asked).toHaveLength(1);
			}
		});

		it('asks PouchDB for a range holding a document with an attachment, and answers as it does', async () => {
			const data = Buffer.from('hello').toString('base64');
			await writer.bulkDocs([{ _id: `${B}6`, n: 6, _attachments: { 'a.txt': { content_type: 'text/plain', data } } }]);
			asked = [];
			const direct = (await listRange(db, wrapped(), range, count)) as Listing & { rows: { doc: Record<string, unknown> }[] };
			expect(asked).toHaveLength(1);
			expect(direct.rows.at(-1)!.doc).toMatchObject({ _attachments: { 'a.txt': { stub: true } } });
		});
	});
});
