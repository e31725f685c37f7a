// The fast way to fill a store for a benchmark: documents generated up front, then written with
// large `_bulk_docs` batches, two in flight (the store is a separate process, so one batch is
// parsed while the next travels). Any row the store refuses fails the fill: a benchmark on a
// half-filled store would measure the wrong thing.
import type Nano from 'nano';
import { connectCouch, type Couch } from '../../server/store/couch.js';
import { AUDIT_DESIGN, RECORDS_DESIGN, ensureDesignDoc } from '../../server/store/design-docs.js';
import { startEmbeddedStore } from '../../server/store/embedded-store.js';

export const BATCH = 5_000;

type Db = Nano.DocumentScope<Record<string, unknown>>;

/** Writes every document; answers how many were written. */
export async function bulkWrite(db: Db, docs: Record<string, unknown>[], batch = BATCH, width = 2): Promise<number> {
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < docs.length) {
				const at = next;
				next += batch;
				const answer = await db.bulk({ docs: docs.slice(at, at + batch) });
				const failed = answer.find((row) => 'error' in row && row.error);
				if (failed) throw new Error(`Filling ${db.config.db} failed: ${JSON.stringify(failed)}`);
			}
		})
	);
	return docs.length;
}

/** Starts the embedded store on `dataDir`, hands `fill` the databases (design documents in place), and stops it. */
export async function withEmbeddedStore<T>(dataDir: string, prefix: string, fill: (couch: Couch) => Promise<T>): Promise<T> {
	const store = await startEmbeddedStore(dataDir, 0);
	try {
		const couch = await connectCouch(store.url, 'embedded', prefix);
		await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
		await ensureDesignDoc(couch.dbs.audit, AUDIT_DESIGN);
		return await fill(couch);
	} finally {
		await store.stop();
	}
}
