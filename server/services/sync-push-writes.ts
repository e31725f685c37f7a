import type { Db } from '../store/documents.js';
import { fetchDocs } from './sync-documents.js';

/** One document's answer from `_bulk_docs`: its new revision, or a conflict (another writer was first). */
export type Written = { ok: true; rev: string } | { ok: false };

/**
 * Writes documents with one `_bulk_docs` request and answers each by id. A 409 is an answer (the
 * caller reads again and retries); any other refusal fails the whole push, as a single write would.
 * Answers are matched by id, never by position: the embedded store answers in the order its
 * validation finishes, not the order given, and a revision given to the wrong record would be lost.
 */
export async function bulkWrite(db: Db, docs: readonly { _id: string }[]): Promise<Map<string, Written>> {
	const answers = new Map<string, Written>();
	if (docs.length === 0) return answers;
	const sent = new Set(docs.map((doc) => doc._id));
	const results = await db.bulk({ docs: docs as never[] });
	for (const result of results) {
		const id = result.id;
		if (!id || !sent.has(id)) throw new Error(`The store answered for ${id ?? 'no id'}, which was not written`);
		if (result.rev && !result.error) answers.set(id, { ok: true, rev: result.rev });
		else if (result.error === 'conflict') answers.set(id, { ok: false });
		else throw new Error(`The store refused ${id}: ${result.error ?? 'no revision'} ${result.reason ?? ''}`.trim());
	}
	for (const id of sent) if (!answers.has(id)) throw new Error(`The store gave no answer for ${id}`);
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
