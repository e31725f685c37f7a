import type Nano from 'nano';
import { statusOf } from './couch.js';

export type Db = Nano.DocumentScope<Record<string, unknown>>;

/** A document, or undefined when there is none (404); any other failure is thrown. */
export async function getDoc<T>(db: Db, id: string): Promise<T | undefined> {
	try {
		return (await db.get(id)) as unknown as T;
	} catch (error) {
		if (statusOf(error) === 404) return undefined;
		throw error;
	}
}

/** Inserts a new document; false when one with that id exists already (409). */
export async function insertNew(db: Db, doc: { _id: string }): Promise<boolean> {
	try {
		await db.insert(doc as never);
		return true;
	} catch (error) {
		if (statusOf(error) === 409) return false;
		throw error;
	}
}

/** Removes a document if it is there; one removed or changed meanwhile is left to its writer. */
export async function removeDoc(db: Db, id: string): Promise<void> {
	const doc = await getDoc<{ _rev: string }>(db, id);
	if (!doc) return;
	try {
		await db.destroy(id, doc._rev);
	} catch (error) {
		if (statusOf(error) !== 404 && statusOf(error) !== 409) throw error;
	}
}

/**
 * Read, change, write; on 409 (another process wrote it meanwhile) read again and retry, so
 * concurrent server processes never lose each other's changes. `change` returns undefined to
 * leave the document as it is; a missing document is passed as undefined.
 */
export async function updateDoc<T extends { _id: string; _rev?: string }>(
	db: Db,
	id: string,
	change: (current: T | undefined) => T | undefined,
	attempts = 8
): Promise<T | undefined> {
	for (let attempt = 1; ; attempt++) {
		const current = await getDoc<T>(db, id);
		const next = change(current);
		if (!next) return current;
		try {
			await db.insert({ ...next, _id: id, _rev: current?._rev } as never);
			return next;
		} catch (error) {
			if (statusOf(error) !== 409 || attempt >= attempts) throw error;
		}
	}
}

/** Every document whose id starts with `prefix`: one `_all_docs` key range on both stores. */
export async function docsWithPrefix<T>(db: Db, prefix: string): Promise<T[]> {
	const result = await db.list({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
	return result.rows.flatMap((row) => (row.doc ? [row.doc as unknown as T] : []));
}
