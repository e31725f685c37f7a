import type { Couch, Databases } from './couch.js';

export interface KeyRange {
	startkey: string;
	endkey: string;
}
/** Documents by id, with bodies. */
export interface KeysQuery {
	keys: string[];
	include_docs: true;
}
export type AllDocsQuery = KeyRange | KeysQuery | (KeyRange & { include_docs: true });

/** One `_all_docs` row: the id and its winning revision, and the body when asked for. */
export interface ListedRow {
	id: string;
	value: { rev: string };
	doc?: Record<string, unknown> & { _id: string; _rev: string };
}

/** Queries per request: a facilitator's caseload in one, a coordinator's few hundred cases in a few. */
const QUERIES_PER_REQUEST = 200;

/**
 * Many `_all_docs` queries of one database (key ranges, or keys with bodies) with CouchDB 3's
 * `POST /{db}/_all_docs/queries` (the embedded store answers it too): one store request for a
 * whole caseload instead of one per case. Answers the rows of each query, in the order given;
 * a key with no document (or a deleted one) has no `doc`.
 */
export async function queryAllDocs(couch: Couch, db: keyof Databases, queries: readonly AllDocsQuery[]): Promise<ListedRow[][]> {
	const chunks: AllDocsQuery[][] = [];
	for (let at = 0; at < queries.length; at += QUERIES_PER_REQUEST) chunks.push(queries.slice(at, at + QUERIES_PER_REQUEST));
	const answers = await Promise.all(
		chunks.map((queries) => couch.server.request({ db: couch.names[db], method: 'post', path: '_all_docs/queries', body: { queries } }) as Promise<{ results: { rows: ListedRow[] }[] }>)
	);
	return answers.flatMap((answer) => answer.results.map((result) => result.rows));
}

/** Lists key ranges of one database: ids and revisions only, or with bodies. */
export async function listRanges(couch: Couch, db: keyof Databases, ranges: readonly KeyRange[], bodies = false): Promise<ListedRow[][]> {
	return queryAllDocs(couch, db, bodies ? ranges.map((range) => ({ ...range, include_docs: true as const })) : ranges);
}

/** The documents a keys query found, by id. */
export function docsOf<T>(rows: readonly ListedRow[]): Map<string, T> {
	return new Map(rows.flatMap((row) => (row.doc ? [[row.doc._id, row.doc as unknown as T] as const] : [])));
}
