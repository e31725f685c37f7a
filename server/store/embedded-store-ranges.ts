import { createRequire } from 'node:module';
import type { PouchDatabase } from 'pouchdb';

interface LevelIterator {
	next(callback: (error: Error | null | undefined, key?: string, value?: string) => void): void;
	end(callback: (error?: Error | null) => void): void;
}
export interface LevelStore {
	status: string;
	iterator(options: { gte: string; lte: string; keyAsBuffer: false; valueAsBuffer: false }): LevelIterator;
	/** leveldown 6.1's bulk read: one value per key, undefined where there is none. */
	getMany?(keys: string[], options: { asBuffer: false }, callback: (error: Error | null | undefined, values?: (string | undefined)[]) => void): void;
	get?(key: string, options: { asBuffer: false }, callback: (error: (Error & { notFound?: boolean }) | null | undefined, value?: string) => void): void;
}
type LevelFactory = ((location: string) => LevelStore) & { destroy: unknown; repair: unknown };

/** One row of `_all_docs`, with its document's body when asked, as PouchDB answers it. */
export type RangeRow = { id: string; key: string; value: { rev: string }; doc?: Record<string, unknown> };
export type RangeQuery = { startkey?: string; endkey?: string; inclusive_end?: boolean; include_docs?: boolean };

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

/** A key range, with or without bodies, and nothing else asked: what `listRange` answers itself. */
export function isPlainRangeQuery(query: Record<string, unknown>): query is RangeQuery {
	const { startkey, endkey, inclusive_end, include_docs } = query;
	return (
		Object.keys(query).every((name) => RANGE_OPTIONS.has(name)) &&
		(startkey === undefined || typeof startkey === 'string') &&
		(endkey === undefined || typeof endkey === 'string') &&
		(inclusive_end === undefined || typeof inclusive_end === 'boolean') &&
		(include_docs === undefined || typeof include_docs === 'boolean')
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

/** A document's metadata parsed whole, as the rows with bodies need its `rev_map`; undefined when JSON.parse cannot read it. */
function parseMetadata(value: string): (Summary & { rev_map?: Record<string, unknown> }) | undefined {
	try {
		return JSON.parse(value) as Summary & { rev_map?: Record<string, unknown> };
	} catch {
		return undefined;
	}
}

/** A range's rows, and with bodies asked, the sequence under which each row's winning revision was written. */
type Listed = { rows: RangeRow[]; seqs: number[] };

/**
 * The rows of a key range, read from the document store's metadata as PouchDB's `_allDocs` reads
 * them (same store, same bounds, so LevelDB's UTF-8 byte order decides both alike), or undefined
 * when something asks for PouchDB itself: metadata without its cached `winningRev` and `deleted`
 * (older stores), JSON deep enough to need PouchDB's fallback parser, or a store not open. With
 * `bodies`, the metadata is parsed whole for `rev_map[winningRev]`, the sequence PouchDB reads the
 * body under.
 *
 * Invariant: this skips PouchDB's per-database queue, and is still a listing PouchDB could have
 * answered. PouchDB writes a document's metadata and body in one LevelDB batch, and a LevelDB
 * iterator reads from the snapshot taken when it is made, so every row is a committed winning
 * revision as of one instant between batches, as if the listing had run then in PouchDB's queue.
 */
function readRange(store: LevelStore, query: RangeQuery, bodies: boolean): Promise<Listed | undefined> {
	const { startkey, endkey } = query;
	// PouchDB answers nothing when the start sorts after the end by JavaScript's comparison.
	if (startkey && endkey && startkey > endkey) return Promise.resolve({ rows: [], seqs: [] });
	const skipEnd = query.inclusive_end === false ? endkey : undefined;
	return new Promise((resolve, reject) => {
		const iterator = store.iterator({ gte: DOC_STORE + (startkey || LOWEST), lte: DOC_STORE + (endkey || HIGHEST), keyAsBuffer: false, valueAsBuffer: false });
		const listed: Listed = { rows: [], seqs: [] };
		const finish = (answer: Listed | undefined, failure?: Error | null) => iterator.end((error) => (failure || error ? reject(failure || error) : resolve(answer)));
		const step = () =>
			iterator.next((error, key, value) => {
				if (error) return finish(undefined, error);
				if (key === undefined || value === undefined) return finish(listed);
				const metadata = bodies ? parseMetadata(value) : summarise(key, value);
				const { id, winningRev, deleted } = metadata ?? {};
				if (typeof id !== 'string' || typeof winningRev !== 'string' || typeof deleted !== 'boolean') return finish(undefined);
				if (!deleted && id !== skipEnd) {
					const seq = bodies ? (metadata as { rev_map?: Record<string, unknown> }).rev_map?.[winningRev] : 0;
					if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return finish(undefined);
					listed.rows.push({ id, key: id, value: { rev: winningRev } });
					listed.seqs.push(seq);
				}
				step();
			});
		step();
	});
}

// sublevel-pouchdb's key for a body in the by-sequence store: its sequence, zero-padded as PouchDB's formatSeq pads it.
const bySeqKey = (seq: number) => `\xffby-sequence\xff${String(seq).padStart(16, '0')}`;

/** The stored values at `keys`, in one `getMany` where the store has it, else one `get` each; undefined for a key with none. */
function readValues(store: LevelStore, keys: string[]): Promise<(string | undefined)[]> {
	const { getMany, get } = store;
	if (keys.length === 0) return Promise.resolve([]);
	if (getMany) return new Promise((resolve, reject) => getMany.call(store, keys, { asBuffer: false }, (error, values) => (error || !values ? reject(error ?? new Error('no values')) : resolve(values))));
	if (!get) return Promise.reject(new Error('The store reads no single values'));
	const one = (key: string) => new Promise<string | undefined>((resolve, reject) => get.call(store, key, { asBuffer: false }, (error, value) => (error?.notFound ? resolve(undefined) : error ? reject(error) : resolve(value))));
	return Promise.all(keys.map(one));
}

/**
 * Each row's document, as PouchDB's `_allDocs` with `include_docs` gives it: the body stored under
 * the winning revision's sequence, parsed, with `_rev` set to that revision. Undefined (PouchDB
 * then answers the whole query) for a body missing or not JSON, one that is not the row's own
 * revision, or one with attachments (PouchDB marks them stubs) or `_deleted`.
 *
 * Invariant: every body is the committed revision its row names, though read after the snapshot
 * the rows came from. LevelDB has no snapshot shared between an iterator and later reads (leveldown
 * 6 keeps its snapshots inside iterators), but a by-sequence key is written once, in the batch
 * that records its sequence in `rev_map`, and never rewritten: each write takes a new sequence,
 * and a revision already stored is not written again. A later write can only add keys, or, through
 * compaction or revision stemming (the store runs neither itself: no `auto_compaction`, PouchDB's
 * `revs_limit` of 1000, which stems only revisions that deep), delete old ones. So a body read
 * later is the snapshot's body or none, and none means PouchDB answers. The `_id` and `_rev`
 * checks below hold by that argument, and are kept as a guard.
 */
async function readBodies(store: LevelStore, listed: Listed): Promise<RangeRow[] | undefined> {
	const values = await readValues(store, listed.seqs.map(bySeqKey));
	const rows = listed.rows;
	for (const [i, row] of rows.entries()) {
		const value = values[i];
		if (value === undefined) return undefined;
		let doc: unknown;
		try {
			doc = JSON.parse(value);
		} catch {
			return undefined;
		}
		if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || '_attachments' in doc || '_deleted' in doc) return undefined;
		const body = doc as Record<string, unknown>;
		if (body._id !== row.id || body._rev !== row.value.rev) return undefined;
		row.doc = body;
	}
	return rows;
}

/** A range's rows read straight from the store, with bodies when asked; undefined when PouchDB must answer. */
async function readStore(store: LevelStore, query: RangeQuery): Promise<RangeRow[] | undefined> {
	const bodies = query.include_docs === true;
	const listed = await readRange(store, query, bodies);
	if (!listed) return undefined;
	return bodies ? readBodies(store, listed) : listed.rows;
}

/**
 * `_all_docs` over a key range, with or without bodies, read straight from the store
 * (`readRange`, `readBodies`) when it can be, else PouchDB's own answer. `docCount` gives
 * `total_rows`, as `db.info()` does.
 */
export async function listRange(db: PouchDatabase, store: LevelStore | undefined, query: RangeQuery, docCount: () => Promise<number>): Promise<unknown> {
	const total_rows = await docCount();
	const rows = store?.status === 'open' ? await readStore(store, query).catch(() => undefined) : undefined;
	return rows ? { total_rows, offset: 0, rows } : db.allDocs(query);
}
