import { caseDocId } from '../../src/lib/domain/ids.js';
import type { Mutation, MutationResult } from '../../src/lib/protocol/sync.js';
import { decidePush, type PushDecision } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import { docsWithPrefix, insertNew, type Db } from '../store/documents.js';
import type { Services } from './services.js';
import { planChange, type ApplyContext, type Plan, type StoredDoc } from './sync-apply.js';
import { conflictsDocId, filedDocId, filedPrefix, mutationLogId, recordDocId, type ConflictsDoc, type FiledDoc, type MutationLogDoc } from './sync-documents.js';
import { settle, type Settled } from './sync-push-settle.js';
import { bulkWrite, DocCache } from './sync-push-writes.js';

const SERVICE = '(service)';
const ATTEMPTS = 8;
type Doc = { _id: string; _rev?: string } & Record<string, unknown>;
interface Item {
	index: number;
	m: Mutation;
	decision: PushDecision;
	/** The changes still to answer for this record, in the order sent; this item is first. */
	queue: Item[];
	attempts: number;
}
interface Pending {
	item: Item;
	plan: Extract<Plan, { kind: 'write' }>;
	finishing: boolean;
}

const filedAnswer = (m: Mutation): MutationResult => ({ status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' });

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
	// The audit lines are written before the answer leaves, in the order sent.
	await settle(services, actor, db, docs, run.settled, now);
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

class PushRun {
	readonly results: MutationResult[] = [];
	readonly settled: Settled[] = [];
	readonly #context: ApplyContext;

	constructor(
		private readonly services: Services,
		private readonly actor: Actor,
		private readonly db: Db,
		private readonly docs: DocCache<Doc>,
		private readonly now: Date
	) {
		this.#context = { db, userId: actor.user.id, userName: actor.user.displayName, officeFieldsAllowed: actor.roles.includes('coordinator'), now };
	}

	/** The answer for the first change of a record, or the writes it needs. */
	async step(item: Item): Promise<MutationResult | Pending> {
		const { m, decision } = item;
		const log = this.docs.get(mutationLogId(m)) as MutationLogDoc | undefined;
		if (log?.state === 'done' && log.rev) return this.#answerRetry(m, log.rev);
		if (log?.state === 'filed') return filedAnswer(m);
		if (decision === 'refuse') return { status: 'rejected', mutationId: m.mutationId, code: 'forbidden', message: 'You cannot change this.', fields: [] };
		// A `pending` log: a try made while the person had the case claimed the change and may have
		// written the record. It is finished, so it is made and audited once, and not filed as well;
		// the person, who has lost the case, hears only that it was accepted.
		const finishing = decision === 'file' && log?.state === 'pending';
		if (decision === 'file' && !finishing && m.caseId !== undefined) return this.#file({ ...m, caseId: m.caseId });
		const plan = planChange(this.#context, m, this.docs.get(recordDocId(m)) as StoredDoc | undefined, this.docs.get(conflictsDocId(m)) as ConflictsDoc | undefined);
		if (plan.kind === 'write') return { item, plan, finishing };
		const result = plan.result;
		if (result.status === 'rejected' && result.code === 'record-not-found' && m.caseId !== undefined && (await this.#madeByFiledChange(m.caseId, m)))
			return this.#file({ ...m, caseId: m.caseId });
		return result;
	}

	/**
	 * One round of writes, one `_bulk_docs` each: claims (the `pending` logs), then conflicts, then
	 * records — conflicts first, so a record is never written without the entries that keep the
	 * other side's values. A 409 (another writer in between) leaves the change first in its queue,
	 * read again and merged again next round, so no one's change is lost.
	 */
	async write(pending: Pending[]): Promise<void> {
		const claims = pending
			.filter(({ item }) => !this.docs.get(mutationLogId(item.m)))
			.map(({ item: { m } }): MutationLogDoc => ({ _id: mutationLogId(m), type: 'mutation-log', v: 1, state: 'pending', userId: this.actor.user.id, recordDocId: recordDocId(m), serverTime: this.now.toISOString() }));
		const claimed = await bulkWrite(this.db, claims);
		for (const claim of claims) {
			const answer = claimed.get(claim._id)!;
			if (answer.ok) this.docs.wrote(claim as unknown as Doc, answer.rev);
		}
		// A fixed id: of two copies of one change racing, both may merge, but the log is one document.
		await this.docs.read(claims.filter((claim) => !claimed.get(claim._id)!.ok).map((claim) => claim._id));
		const going = pending.filter(({ item }) => {
			const log = this.docs.get(mutationLogId(item.m)) as MutationLogDoc | undefined;
			if (log?.state !== 'done' || !log.rev) return true;
			this.results[item.queue.shift()!.index] = { status: 'duplicate', mutationId: item.m.mutationId, rev: log.rev };
			return false;
		});
		const conflicts = await bulkWrite(this.db, going.filter((p) => p.plan.conflictsChanged).map((p) => p.plan.conflictsDoc));
		const retry: Pending[] = [];
		const records: Pending[] = [];
		for (const p of going) {
			const answer = conflicts.get(p.plan.conflictsDoc._id);
			if (answer && !answer.ok) retry.push(p);
			else {
				if (answer?.ok) this.docs.wrote(p.plan.conflictsDoc as unknown as Doc, answer.rev);
				if (p.plan.recordChanged) records.push(p);
				else this.#finish(p, this.docs.get(recordDocId(p.item.m))!._rev!);
			}
		}
		const recordDocs = records.map((p) => {
			const stored = this.docs.get(recordDocId(p.item.m));
			return { ...p.plan.record, _id: recordDocId(p.item.m), ...(stored?._rev ? { _rev: stored._rev } : {}) } as Doc;
		});
		const written = await bulkWrite(this.db, recordDocs);
		records.forEach((p, i) => {
			const answer = written.get(recordDocs[i]!._id)!;
			if (!answer.ok) return retry.push(p);
			this.docs.wrote(recordDocs[i]!, answer.rev);
			this.#finish(p, answer.rev);
		});
		for (const { item } of retry) if (++item.attempts >= ATTEMPTS) throw new Error(`The record ${recordDocId(item.m)} kept changing while a change was saved; try again.`);
		await this.docs.read(retry.flatMap(({ item: { m } }) => [recordDocId(m), conflictsDocId(m)]));
	}

	#finish({ item, plan, finishing }: Pending, rev: string): void {
		const { result, created } = plan.finish(rev);
		const claimedAt = (this.docs.get(mutationLogId(item.m)) as MutationLogDoc | undefined)?.serverTime;
		this.settled.push({ index: item.index, m: item.m, rev, status: result.status, created, ...(claimedAt ? { claimedAt } : {}) });
		this.results[item.queue.shift()!.index] = finishing ? filedAnswer(item.m) : result;
	}

	/**
	 * A change seen before writes nothing. While the record still stands at the revision the change
	 * made, the answer is `duplicate`; once it has moved on, the device may hold a stale copy it will
	 * never be sent again (a pull skips records with a change waiting in the outbox, yet keeps the
	 * checkpoint), so it gets `merged` with the record and conflicts as they stand now.
	 */
	#answerRetry(m: Mutation, rev: string): MutationResult {
		const stored = this.docs.get(recordDocId(m));
		if (!stored?._rev || stored._rev === rev) return { status: 'duplicate', mutationId: m.mutationId, rev };
		const { _id, _rev, ...record } = stored;
		const conflicts = (this.docs.get(conflictsDocId(m)) as ConflictsDoc | undefined)?.entries ?? [];
		return { status: 'merged', mutationId: m.mutationId, rev: _rev, record, conflicts };
	}

	async #file(m: Mutation & { caseId: string }): Promise<MutationResult> {
		const filed: FiledDoc = { _id: filedDocId(m.caseId, m), type: 'filed-change', v: 1, caseId: m.caseId, userId: this.actor.user.id, mutation: m, serverTime: this.now.toISOString() };
		// Fixed ids: a retried copy finds both documents there already (409) and is answered the same.
		await insertNew(this.db, filed);
		const log: MutationLogDoc = { _id: mutationLogId(m), type: 'mutation-log', v: 1, state: 'filed', userId: this.actor.user.id, recordDocId: recordDocId(m), status: 'filed', serverTime: this.now.toISOString() };
		if (await insertNew(this.db, log)) this.docs.wrote(log as unknown as Doc, '');
		return filedAnswer(m);
	}

	/**
	 * Whether the record was made by a change this server filed: its case came back to the device
	 * before the device purged it, so later changes of the record arrive for a case it may write. They
	 * belong with the filed one, for the coordinator, not refused for a record the server never had.
	 * Read only on this rare path: the case's filed changes are one key range.
	 */
	async #madeByFiledChange(caseId: string, m: Mutation): Promise<boolean> {
		const filed = await docsWithPrefix<FiledDoc>(this.db, filedPrefix(caseId));
		return filed.some((doc) => recordDocId(doc.mutation) === recordDocId(m));
	}
}
