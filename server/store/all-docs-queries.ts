import type { Couch, Databases } from './couch.js';

export interface KeyRange {
	startkey: string;
	endkey: string;
}
/** One `_all_docs` row: the id and its winning revision, and the body when asked for. */
export interface ListedRow {
	id: string;
	value: { rev: string };
	doc?: Record<string, unknown> & { _id: string; _rev: string };
}

/** Queries per request: a facilitator's caseload in one, a coordinator's few hundred cases in a few. */
const QUERIES_PER_REQUEST = 200;

/**
 * Lists many key ranges of one database (ids and revisions only) with CouchDB 3's
 * `POST /{db}/_all_docs/queries` (the embedded store answers it too): one store request for a
 * whole caseload instead of one per case. Answers the rows of each range, in the order given.
 */
export async function listRanges(couch: Couch, db: keyof Databases, ranges: readonly KeyRange[], bodies = false): Promise<ListedRow[][]> {
	const queries = bodies ? ranges.map((range) => ({ ...range, include_docs: true })) : ranges;
	const chunks: KeyRange[][] = [];
	for (let at = 0; at < queries.length; at += QUERIES_PER_REQUEST) chunks.push(queries.slice(at, at + QUERIES_PER_REQUEST));
	const answers = await Promise.all(
		chunks.map((queries) => couch.server.request({ db: couch.names[db], method: 'post', path: '_all_docs/queries', body: { queries } }) as Promise<{ results: { rows: ListedRow[] }[] }>)
	);
	return answers.flatMap((answer) => answer.results.map((result) => result.rows));
}
