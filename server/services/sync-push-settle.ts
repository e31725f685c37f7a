import type { Mutation, MutationResult } from '../../src/lib/protocol/sync.js';
import type { Actor } from '../auth/authenticate.js';
import { updateDoc, type Db } from '../store/documents.js';
import { auditEntry } from './audit-log.js';
import { makesRecord } from './sync-apply.js';
import type { Services } from './services.js';
import { mutationLogId, type MutationLogDoc } from './sync-documents.js';
import { bulkWrite, type DocCache } from './sync-push-writes.js';

/** A change written to its record, whose audit line and log entry are still to be written. */
export interface Settled {
	/** Its place in the batch sent. */
	index: number;
	m: Mutation;
	rev: string;
	status: MutationResult['status'];
	claimedAt?: string;
}

/** The audit line of a change: the same on every try, so writing it again finds it there. */
export function changeLines(actor: Actor, changes: readonly { index: number; m: Mutation; claimedAt?: string }[], now: Date) {
	// In the order sent, so a case's audit lines of one moment read in the order the changes were made.
	return [...changes]
		.sort((a, b) => a.index - b.index)
		.flatMap(({ m, claimedAt }) =>
			m.caseId === undefined
				? []
				: [
						{
							key: mutationLogId(m),
							entry: auditEntry(actor, m.caseId, makesRecord(m) ? 'create' : 'change', claimedAt ? new Date(claimedAt) : now, {
								recordId: m.recordId,
								deviceTime: m.deviceTime,
								source: 'offline-report',
								fields: Object.keys(m.changes).sort(),
								...(m.resolves?.length ? { resolved: m.resolves.map((r) => r.path) } : {})
							})
						}
					]
		);
}

/**
 * Audit first, then the logs: a change is `done` only once its audit line exists. Most lines are
 * written already, beside their records (`PushRun.write`); the rest here. If an audit write fails,
 * the logs stay `pending`, the batch fails, and the retry merges again (changing nothing) and
 * writes the line then. The line's id comes from the change and the time it was claimed, the
 * same on every try, so a retry after the line was written (the process died before marking the
 * log done), or a copy of the batch racing this one, finds it there: each change is audited once.
 * One `_bulk_docs` for the lines and one for the logs; a log another writer changed meanwhile (409)
 * is read and written again on its own.
 */
export async function settle(services: Services, actor: Actor, db: Db, docs: DocCache<{ _id: string; _rev?: string }>, settled: readonly Settled[], audited: ReadonlySet<string>, now: Date): Promise<void> {
	const ordered = [...settled].sort((a, b) => a.index - b.index);
	await services.audit.appendOnce(changeLines(actor, ordered.filter(({ m }) => !audited.has(mutationLogId(m))), now));
	const done = (log: MutationLogDoc, { rev, status }: Settled): MutationLogDoc => ({ ...log, state: 'done', rev, status });
	const known = ordered.filter(({ m }) => docs.get(mutationLogId(m))?._rev);
	const logs = known.map((s) => done(docs.get(mutationLogId(s.m)) as MutationLogDoc, s));
	const answers = await bulkWrite(db, logs);
	const again = [...ordered.filter((s) => !known.includes(s)), ...known.filter((s, i) => !answers.get(logs[i]!._id)?.ok)];
	await Promise.all(again.map((s) => updateDoc<MutationLogDoc>(db, mutationLogId(s.m), (current) => current && done(current, s))));
}
