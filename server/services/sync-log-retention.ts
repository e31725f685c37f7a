import type { Db } from '../store/documents.js';
import type { MutationLogDoc } from './sync-documents.js';

/**
 * How long a finished change's log entry is kept. A device sends a change again only while it has
 * no answer for it, so at its next sync; 30 days covers a tablet left in a drawer between visits.
 * A copy arriving later still does no harm: merged again it changes nothing, and a filed one is
 * filed under the same id; only its audit line would be written a second time.
 */
export const MUTATION_LOG_DAYS = 30;
const PAGE = 500;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes the log entries of changes finished (`done` or `filed`) more than `days` ago, a page of
 * the `mutation:` range at a time. A `pending` one is kept whatever its age: it is the claim a retry
 * needs to finish the change instead of filing it. Safe to run twice, or beside another run: an
 * entry already gone is simply not listed, one deleted meanwhile answers 409 and is left.
 */
export async function pruneMutationLogs(db: Db, now: Date, days = MUTATION_LOG_DAYS): Promise<number> {
	const cutoff = new Date(now.getTime() - days * DAY).toISOString();
	let startkey = 'mutation:';
	let pruned = 0;
	for (;;) {
		const page = await db.list({ startkey, endkey: 'mutation:\ufff0', include_docs: true, limit: PAGE + 1 });
		const rows = page.rows.slice(0, PAGE);
		const expired = rows.flatMap((row) => {
			const log = row.doc as unknown as MutationLogDoc | undefined;
			return log && log.type === 'mutation-log' && log.state !== 'pending' && log.serverTime < cutoff ? [{ _id: log._id, _rev: log._rev!, _deleted: true }] : [];
		});
		if (expired.length > 0) pruned += (await db.bulk({ docs: expired as never[] })).filter((r) => r.rev && !r.error).length;
		if (page.rows.length <= PAGE) return pruned;
		startkey = page.rows[PAGE]!.id;
	}
}

/** Prunes at start and then once a day, while the server runs; `stop` ends it. */
export function scheduleMutationLogPruning(db: Db, onError: (error: unknown) => void): { stop(): void } {
	const run = () => void pruneMutationLogs(db, new Date()).catch(onError);
	run();
	const timer = setInterval(run, DAY);
	timer.unref();
	return { stop: () => clearInterval(timer) };
}
