import { caseDocId } from '../../src/lib/domain/ids.js';
import type { Mutation, MutationResult } from '../../src/lib/protocol/sync.js';
import { decidePush, type PushDecision } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import type { Services } from './services.js';
import { conflictsDocId, mutationLogId, recordDocId } from './sync-documents.js';
import { PushRun, type Doc, type Item, type Pending } from './sync-push-run.js';
import { settle } from './sync-push-settle.js';
import { DocCache } from './sync-push-writes.js';

const SERVICE = '(service)';

/**
 * Applies a pushed batch with a handful of store requests, however many changes it holds: one read
 * of every mutation log, record, conflicts document and case (`_all_docs?keys=`), then rounds of
 * `_bulk_docs` writes — claims, conflicts, records — each round taking the next change of every
 * record, so a change never overtakes an earlier change of the same record; then the audit lines
 * and the logs marked done (`sync-push-settle.ts`). Answers one result per mutation, in order.
 */
export async function pushChanges(services: Services, actor: Actor, mutations: readonly Mutation[], now: Date): Promise<MutationResult[]> {
	const db = services.couch.dbs.records;
	const docs = new DocCache<Doc>(db);
	const caseIds = [...new Set(mutations.flatMap((m) => (m.caseId === undefined ? [] : [m.caseId])))];
	const [, assigned] = await Promise.all([
		docs.read([...mutations.flatMap((m) => [mutationLogId(m), recordDocId(m), conflictsDocId(m)]), ...caseIds.map(caseDocId)]),
		services.accounts.assignedAmong(actor.user.id, caseIds)
	]);
	const decisions = new Map<string, PushDecision>();
	const decisionOf = (m: Mutation): PushDecision => {
		const key = m.caseId ?? SERVICE;
		if (!decisions.has(key)) decisions.set(key, decide(actor, m.caseId, docs.get(caseDocId(m.caseId ?? '')), assigned.has(m.caseId ?? ''), mutations));
		return decisions.get(key)!;
	};
	const queues = new Map<string, Item[]>();
	mutations.forEach((m, index) => {
		const queue = queues.get(recordDocId(m)) ?? [];
		queue.push({ index, m, decision: decisionOf(m), queue, attempts: 0 });
		queues.set(recordDocId(m), queue);
	});
	const run = new PushRun(services, actor, db, docs, now);
	while (queues.size > 0) {
		const pending: Pending[] = [];
		for (const [key, queue] of queues) {
			while (queue.length > 0) {
				const outcome = await run.step(queue[0]!);
				if ('plan' in outcome) {
					pending.push(outcome);
					break;
				}
				run.results[queue.shift()!.index] = outcome;
			}
			if (queue.length === 0) queues.delete(key);
		}
		if (pending.length > 0) await run.write(pending);
	}
	// Every audit line is written before the answer leaves, then the logs are marked done.
	await settle(services, actor, db, docs, run.settled, run.audited, now);
	if (mutations.some((m) => m.caseId === undefined)) services.serviceListing.forget();
	return run.results;
}

/** Who may push changes of one case (or of service-wide records), decided once per batch. */
function decide(actor: Actor, caseId: string | undefined, caseDoc: Doc | undefined, assigned: boolean, mutations: readonly Mutation[]): PushDecision {
	if (caseId === undefined) {
		// Checklist templates are the office's; people and places any casework role may add.
		const office = actor.roles.includes('coordinator') || actor.roles.includes('administrator');
		if (!office && mutations.some((m) => m.caseId === undefined && m.recordType === 'checklist-template')) return 'refuse';
		return actor.roles.length > 0 ? 'apply' : 'refuse';
	}
	const record = caseDoc?.type === 'case' ? caseDoc : undefined;
	return decidePush(actor.roles, { exists: record !== undefined, open: record?.status === 'open', assigned });
}
