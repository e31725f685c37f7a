// Runs in the page (bundled): PouchDB → PouchDB replication, timed until it reports complete.
import type { PouchArgs } from './pouch.js';

interface PouchLike {
	replicate(source: unknown, target: unknown, options: Record<string, unknown>): Promise<{ docs_written: number; ok: boolean }>;
	new (name: string, options: Record<string, unknown>): { info(): Promise<{ doc_count: number }> };
}

/** Runs in the page: timed from the start of replication until it reports complete. */
async function replicate(args: PouchArgs): Promise<{ ms: number; records: number; written: number }> {
	const PouchDB = (window as unknown as { PouchDB: PouchLike }).PouchDB;
	const source = new PouchDB(args.source, { auth: args.auth, skip_setup: true });
	const target = new PouchDB(`bench-${Date.now()}`, { adapter: args.setting.adapter });
	const start = performance.now();
	const result = await PouchDB.replicate(source, target, { doc_ids: args.docIds, ...args.setting.options });
	const ms = performance.now() - start;
	return { ms, records: (await target.info()).doc_count, written: result.docs_written };
}

declare global {
	interface Window {
		pouchBench: { replicate: typeof replicate };
	}
}
window.pouchBench = { replicate };
