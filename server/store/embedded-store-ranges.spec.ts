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
	const count = async () => (await db.info()).doc_count;

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'tandem-ranges-unit-'));
		const stores = keepLevelStores();
		const Level = PouchDB.defaults({ prefix: `${folder}/`, db: stores.db });
		const opened = new Level('unit');
		await opened.info();
		level = stores.opened(`${folder}/unit`)!;
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
});
