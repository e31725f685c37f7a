import express from 'express';
import type PouchDB from 'pouchdb';
import type { PouchDatabase } from 'pouchdb';
import { isPlainKeysQuery, readKeys } from './embedded-store-keys.js';
import { isPlainRangeQuery, listRange, type LevelStore } from './embedded-store-ranges.js';

type Answer = express.Response;

const answerError = (res: Answer, error: unknown) => {
	const status = (error as { status?: number }).status ?? 500;
	res.status(status).json({ error: (error as { name?: string }).name ?? 'unknown_error', reason: (error as Error).message });
};

/**
 * One `_all_docs` query: documents by keys read one by one (`embedded-store-keys.ts`), a key range
 * with or without bodies read from the store itself (`embedded-store-ranges.ts`), anything else as PouchDB
 * answers it.
 */
function answerQuery(db: PouchDatabase, store: LevelStore | undefined, query: Record<string, unknown>, docCount: () => Promise<number>) {
	if (isPlainKeysQuery(query)) return readKeys(db, query.keys);
	return isPlainRangeQuery(query) ? listRange(db, store, query, docCount) : db.allDocs(query);
}

function jsonOrAsIs(value: unknown): unknown {
	try {
		return JSON.parse(value as string);
	} catch {
		return value;
	}
}

/** `db.info()`'s document count, asked once however many queries want it. */
function countOnce(db: PouchDatabase): () => Promise<number> {
	let count: Promise<number> | undefined;
	return () => (count ??= db.info().then((info) => info.doc_count));
}

/**
 * CouchDB 3's `POST /{db}/_all_docs/queries`, which express-pouchdb lacks: several `_all_docs`
 * queries (key ranges or keys) in one request, answered as `{ results: [...] }` in order. It
 * saves the pull a round trip per case and the store its per-request routing. Also answers
 * `POST /{db}/_all_docs?include_docs=true` with only `keys` (nano's `fetch`) by reading each
 * document, as `_all_docs/queries` does, and `GET /{db}/_all_docs` over a key range with or
 * without bodies; any other `_all_docs` goes on to express-pouchdb.
 */
export function allDocsQueries(PouchDb: typeof PouchDB, storeOf: (name: string) => LevelStore | undefined): express.Router {
	const open = new Map<string, PouchDatabase>();
	PouchDb.on('destroyed', (name) => open.delete(name));
	/** The database, or undefined when there is none of that name. */
	const opener = async (name: string) => {
		if (!open.has(name) && !(await PouchDb.allDbs()).includes(name)) return undefined;
		const db = open.get(name) ?? new PouchDb(name);
		open.set(name, db);
		return db;
	};
	const notFound = (res: Answer) => res.status(404).json({ error: 'not_found', reason: 'Database does not exist.' });
	const router = express.Router();
	router.post('/:db/_all_docs/queries', express.json({ limit: '8mb' }), async (req, res) => {
		const queries = (req.body as { queries?: unknown } | undefined)?.queries;
		if (!Array.isArray(queries) || queries.some((q) => typeof q !== 'object' || q === null || Array.isArray(q))) {
			res.status(400).json({ error: 'bad_request', reason: '`queries` must be a list of objects' });
			return;
		}
		try {
			const db = await opener(req.params.db);
			if (!db) return void notFound(res);
			const docCount = countOnce(db);
			const store = storeOf(req.params.db);
			res.json({ results: await Promise.all((queries as Record<string, unknown>[]).map((query) => answerQuery(db, store, query, docCount))) });
		} catch (error) {
			answerError(res, error);
		}
	});
	// A key range, with or without bodies, asked as nano's `list` asks it, its values JSON as express-pouchdb reads them.
	router.get('/:db/_all_docs', async (req, res, next) => {
		const query = Object.fromEntries(Object.entries(req.query).map(([name, value]) => [name, jsonOrAsIs(value)]));
		if (!isPlainRangeQuery(query)) return next();
		try {
			const db = await opener(req.params.db);
			if (!db) return next();
			res.json(await listRange(db, storeOf(req.params.db), query, countOnce(db)));
		} catch (error) {
			answerError(res, error);
		}
	});
	const onlyDocsAsked = (req: express.Request) => Object.keys(req.query).join() === 'include_docs' && req.query.include_docs === 'true' && req.is('application/json') === 'application/json';
	const parse = express.json({ limit: '8mb' });
	// Refusals worded as express-pouchdb words them; a body once read cannot go on to it.
	const parseOrRefuse: express.RequestHandler = (req, res, next) =>
		parse(req, res, (error?: { status?: number }) => {
			if (!error) return next();
			if (error.status === 413) return void res.status(413).json({ error: 'too_large', reason: 'the request entity is too large' });
			res.status(400).json({ error: 'bad_request', reason: 'invalid_json' });
		});
	router.post('/:db/_all_docs', (req, res, next) => (onlyDocsAsked(req) ? parseOrRefuse(req, res, next) : next('route')), async (req, res, next) => {
		const body: unknown = req.body;
		const query = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, include_docs: true } : {};
		if (!isPlainKeysQuery(query)) return next();
		try {
			const db = await opener(req.params.db);
			if (!db) return void notFound(res);
			res.json(await readKeys(db, query.keys));
		} catch (error) {
			answerError(res, error);
		}
	});
	return router;
}
