import { createRequire } from 'node:module';
import type { PouchDatabase } from 'pouchdb';

interface LevelIterator {
	next(callback: (error: Error | null | undefined, key?: string, value?: string) => void): void;
	end(callback: (error?: Error | null) => void): void;
}
export interface LevelStore {
	status: string;
	iterator(options: { gte: string; lte: string; keyAsBuffer: false; valueAsBuffer: false }): LevelIterator;
}
type LevelFactory = ((location: string) => LevelStore) & { destroy: unknown; repair: unknown };

/** One row of `_all_docs` without bodies, as PouchDB answers it. */
export type RangeRow = { id: string; key: string; value: { rev: string } };
export type RangeQuery = { startkey?: string; endkey?: string; inclusive_end?: boolean; include_docs?: false };

/**
 * The leveldown factory for `PouchDB.defaults({ db })`, remembering the store it opens at each
 * location. It wraps the very module PouchDB's leveldb adapter requires, and is named as that
 * module's function and carries its `destroy` and `repair`: PouchDB keys its open stores and
 * `backend_adapter` by the factory's name, and deletes a database's files through `destroy`.
 */
export function keepLevelStores(): { db: LevelFactory; opened: (location: string) => LevelStore | undefined } {
	const leveldown = createRequire(createRequire(import.meta.url).resolve('pouchdb'))('leveldown') as LevelFactory;
	const stores = new Map<string, LevelStore>();
	const LevelDOWN = (location: string) => {
		const store = leveldown(location);
		stores.set(location, store);
		return store;
	};
	Object.defineProperty(LevelDOWN, 'name', { value: (leveldown as { name: string }).name });
	return { db: Object.assign(LevelDOWN, { destroy: leveldown.destroy, repair: leveldown.repair }), opened: (location) => stores.get(location) };
}

const RANGE_OPTIONS = new Set(['startkey', 'endkey', 'inclusive_end', 'include_docs']);

/** A key range without bodies, and nothing else asked: what `listRange` answers itself. */
export function isPlainRangeQuery(query: Record<string, unknown>): query is RangeQuery {
	const { startkey, endkey, inclusive_end, include_docs } = query;
	return (
		Object.keys(query).every((name) => RANGE_OPTIONS.has(name)) &&
		(startkey === undefined || typeof startkey === 'string') &&
		(endkey === undefined || typeof endkey === 'string') &&
		(inclusive_end === undefined || typeof inclusive_end === 'boolean') &&
		(include_docs === undefined || include_docs === false)
	);
}

// sublevel-pouchdb's keys for the document store, and the bounds PouchDB gives a range left open.
const DOC_STORE = '\xffdocument-store\xff';
const LOWEST = '\x00';
const HIGHEST = '\xff';
// How PouchDB 9 (JSON.stringify) ends most documents' metadata. Matched at the very end, with no
// bracket between them and the closing brace, these are top-level keys: a quote inside a string is
// escaped, so `,"winningRev":"` can only open a key, and the id check below ties the row to its key.
const TAIL = /,"winningRev":"([^"\\]+)","deleted":(true|false),"seq":\d+\}$/y;

type Summary = { id: string; winningRev?: unknown; deleted?: unknown };

/** A document's id, winning revision and deletion from its metadata; mostly without parsing it whole, which costs three times as much. */
function summarise(key: string, value: string): Summary | undefined {
	const id = key.slice(DOC_STORE.length);
	TAIL.lastIndex = value.lastIndexOf(',"winningRev":"');
	const tail = TAIL.lastIndex > 0 && value.startsWith(`{"id":${JSON.stringify(id)},`) ? TAIL.exec(value) : null;
	if (tail) return { id, winningRev: tail[1], deleted: tail[2] === 'true' };
	try {
		return JSON.parse(value) as Summary;
	} catch {
		return undefined;
	}
}

/**
 * The rows of a key range, read from the document store's metadata as PouchDB's `_allDocs` reads
 * them (same store, same bounds, so LevelDB's UTF-8 byte order decides both alike), or undefined
 * when something asks for PouchDB itself: metadata without its cached `winningRev` and `deleted`
 * (older stores), JSON deep enough to need PouchDB's fallback parser, or a store not open.
 *
 * Invariant: this skips PouchDB's per-database queue, and is still a listing PouchDB could have
 * answered. PouchDB writes a document's metadata and body in one LevelDB batch, and a LevelDB
 * iterator reads from the snapshot taken when it is made, so every row is a committed winning
 * revision as of one instant between batches, as if the listing had run then in PouchDB's queue.
 */
function readRange(store: LevelStore, query: RangeQuery): Promise<RangeRow[] | undefined> {
	const { startkey, endkey } = query;
	// PouchDB answers nothing when the start sorts after the end by JavaScript's comparison.
	if (startkey && endkey && startkey > endkey) return Promise.resolve([]);
	const skipEnd = query.inclusive_end === false ? endkey : undefined;
	return new Promise((resolve, reject) => {
		const iterator = store.iterator({ gte: DOC_STORE + (startkey || LOWEST), lte: DOC_STORE + (endkey || HIGHEST), keyAsBuffer: false, valueAsBuffer: false });
		const rows: RangeRow[] = [];
		const finish = (answer: RangeRow[] | undefined, failure?: Error | null) => iterator.end((error) => (failure || error ? reject(failure || error) : resolve(answer)));
		const step = () =>
			iterator.next((error, key, value) => {
				if (error) return finish(undefined, error);
				if (key === undefined || value === undefined) return finish(rows);
				const { id, winningRev, deleted } = summarise(key, value) ?? {};
				if (typeof id !== 'string' || typeof winningRev !== 'string' || typeof deleted !== 'boolean') return finish(undefined);
				if (!deleted && id !== skipEnd) rows.push({ id, key: id, value: { rev: winningRev } });
				step();
			});
		step();
	});
}

/**
 * `_all_docs` over a key range without bodies, read straight from the store (`readRange`) when
 * it can be, else PouchDB's own answer. `docCount` gives `total_rows`, as `db.info()` does.
 */
export async function listRange(db: PouchDatabase, store: LevelStore | undefined, query: RangeQuery, docCount: () => Promise<number>): Promise<unknown> {
	const total_rows = await docCount();
	const rows = store?.status === 'open' ? await readRange(store, query).catch(() => undefined) : undefined;
	return rows ? { total_rows, offset: 0, rows } : db.allDocs(query);
}
