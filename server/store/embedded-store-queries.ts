import express from 'express';
import type PouchDB from 'pouchdb';
import type { PouchDatabase } from 'pouchdb';

/**
 * CouchDB 3's `POST /{db}/_all_docs/queries`, which express-pouchdb lacks: several `_all_docs`
 * queries (key ranges or keys) in one request, answered as `{ results: [...] }` in order. It
 * saves the pull a round trip per case and the store its per-request routing.
 */
export function allDocsQueries(PouchDb: typeof PouchDB): express.Router {
	const open = new Map<string, PouchDatabase>();
	PouchDb.on('destroyed', (name) => open.delete(name));
	const opener = (name: string) => {
		const db = open.get(name) ?? new PouchDb(name);
		open.set(name, db);
		return db;
	};
	const router = express.Router();
	router.post('/:db/_all_docs/queries', express.json({ limit: '8mb' }), async (req, res) => {
		const name = req.params.db;
		const queries = (req.body as { queries?: unknown } | undefined)?.queries;
		if (!Array.isArray(queries) || queries.some((q) => typeof q !== 'object' || q === null || Array.isArray(q))) {
			res.status(400).json({ error: 'bad_request', reason: '`queries` must be a list of objects' });
			return;
		}
		try {
			if (!open.has(name) && !(await PouchDb.allDbs()).includes(name)) {
				res.status(404).json({ error: 'not_found', reason: 'Database does not exist.' });
				return;
			}
			const db = opener(name);
			const results = await Promise.all((queries as Record<string, unknown>[]).map((query) => db.allDocs(query)));
			res.json({ results });
		} catch (error) {
			const status = (error as { status?: number }).status ?? 500;
			res.status(status).json({ error: (error as { name?: string }).name ?? 'unknown_error', reason: (error as Error).message });
		}
	});
	return router;
}
