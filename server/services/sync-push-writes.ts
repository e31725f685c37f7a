import type { Db } from '../store/documents.js';
import { fetchDocs } from './sync-documents.js';

/** One document's answer from `_bulk_docs`: its new revision, or a conflict (another writer was first). */
export type Written = { ok: true; rev: string } | { ok: false };

/**
 * Writes documents with one `_bulk_docs` request and answers each by id. A 409 is an answer (the
 * caller reads again and retries); any other refusal fails the whole push, as a single write would.
 * Both stores answer per document, in the order given.
 */
export async function bulkWrite(db: Db, docs: readonly { _id: string }[]): Promise<Map<string, Written>> {
	const answers = new Map<string, Written>();
	if (docs.length === 0) return answers;
	const results = await db.bulk({ docs: docs as never[] });
	results.forEach((result, index) => {
		const id = docs[index]!._id;
		if (result.rev && !result.error) answers.set(id, { ok: true, rev: result.rev });
		else if (result.error === 'conflict') answers.set(id, { ok: false });
		else throw new Error(`The store refused ${id}: ${result.error ?? 'no revision'} ${result.reason ?? ''}`.trim());
	});
	return answers;
}

/**
 * The documents a push works on, as last read or written: read once for the whole batch, kept up
 * to date with each write, and read again only for what another writer changed meanwhile.
 */
export class DocCache<T extends { _id: string; _rev?: string }> {
	readonly #docs = new Map<string, T>();
	constructor(private readonly db: Db) {}

	/** Reads the given documents (one `_all_docs?keys=` request); missing ones are forgotten. */
	async read(ids: readonly string[]): Promise<void> {
		const found = await fetchDocs<T>(this.db, ids);
		for (const id of ids) {
			const doc = found.get(id);
			if (doc) this.#docs.set(id, doc);
			else this.#docs.delete(id);
		}
	}

	get(id: string): T | undefined {
		return this.#docs.get(id);
	}

	/** Keeps a document just written, at the revision the store gave it. */
	wrote(doc: T, rev: string): void {
		this.#docs.set(doc._id, { ...doc, _rev: rev });
	}
}
