import type { PouchDatabase } from 'pouchdb';

type Doc = Record<string, unknown> & { _id: string; _rev: string };
/** One row of `_all_docs` by keys with bodies, as CouchDB and PouchDB answer it. */
export type KeyRow = { id: string; key: string; value: { rev: string; deleted?: true }; doc: Doc | null } | { key: string; error: 'not_found' };

/** A keys query this module answers: documents by id with bodies, and nothing else asked. */
export function isPlainKeysQuery(query: Record<string, unknown>): query is { keys: string[]; include_docs: true } {
	const names = Object.keys(query).sort();
	return names.length === 2 && names[0] === 'include_docs' && names[1] === 'keys' && query.include_docs === true && Array.isArray(query.keys) && query.keys.every((key) => typeof key === 'string' && !key.startsWith('_local/'));
}

/**
 * `_all_docs` by keys with bodies, row for row what PouchDB answers, but one document read per
 * key: PouchDB answers each key with a range query of its own (an iterator opened, stepped and
 * closed), several times the cost of reading the document (a push's or a pull's few hundred keys:
 * tens of milliseconds of the store's one thread). A missing key is `not_found`; a deleted
 * document is asked of `allDocs` itself, which alone answers its last revision.
 */
export async function readKeys(db: PouchDatabase, keys: readonly string[]): Promise<{ total_rows: number; offset: number; rows: KeyRow[] }> {
	const rows = await Promise.all(
		keys.map(async (key): Promise<KeyRow> => {
			try {
				const doc = await db.get(key);
				return { id: doc._id, key, value: { rev: doc._rev }, doc };
			} catch (error) {
				const { status, reason } = error as { status?: number; reason?: string };
				if (status !== 404) throw error;
				if (reason !== 'deleted') return { key, error: 'not_found' };
				const answer = (await db.allDocs({ keys: [key], include_docs: true })) as { rows: KeyRow[] };
				return answer.rows[0]!;
			}
		})
	);
	const { doc_count } = await db.info();
	return { total_rows: doc_count, offset: 0, rows };
}
