import type { Mutation, MutationResult } from '../../src/lib/protocol/sync.js';
import type { PushDecision } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import { docsWithPrefix, insertNew, removeDoc, type Db } from '../store/documents.js';
import type { Services } from './services.js';
import { planChange, type ApplyContext, type Plan, type StoredDoc } from './sync-apply.js';
import { conflictsDocId, filedDocId, filedPrefix, mutationLogId, recordDocId, type ConflictsDoc, type FiledDoc, type MutationLogDoc } from './sync-documents.js';
import { changeLines, type Settled } from './sync-push-settle.js';
import { bulkWrite, type DocCache } from './sync-push-writes.js';

const ATTEMPTS = 8;
export type Doc = { _id: string; _rev?: string } & Record<string, unknown>;
export interface Item {
	index: number;
	m: Mutation;
	decision: PushDecision;
	/** The changes still to answer for this record, in the order sent; this item is first. */
	queue: Item[];
	attempts: number;
}
export interface Pending {
	item: Item;
	plan: Extract<Plan, { kind: 'write' }>;
	finishing: boolean;
}

const filedAnswer = (m: Mutation): MutationResult => ({ status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' });

/** One pushed batch on its way: the answers so far, and the changes written, to audit and mark done. */
export class PushRun {
	readonly results: MutationResult[] = [];
	readonly settled: Settled[] = [];
	/** The changes whose audit lines are written (their keys). */
	readonly audited = new Set<string>();
	readonly #context: ApplyContext;
	/** Changes this run set out to file and found claimed by a copy that applies them. */
	readonly #claimedElsewhere = new Set<string>();

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
		if (log?.state === 'done' && log.rev) return this.#answerRetry(m, log.rev, decision === 'apply');
		if (log?.state === 'filed') return filedAnswer(m);
		if (decision === 'refuse') return { status: 'rejected', mutationId: m.mutationId, code: 'forbidden', message: 'You cannot change this.', fields: [] };
		// A `pending` log: a try made while the person had the case claimed the change and may have
		// written the record. It is finished, so it is made and audited once, and not filed as well;
		// the person, who has lost the case, hears only that it was accepted.
		const finishing = decision === 'file' && log?.state === 'pending';
		if (decision === 'file' && !finishing && m.caseId !== undefined) return this.#file(item, m.caseId);
		const plan = planChange(this.#context, m, this.docs.get(recordDocId(m)) as StoredDoc | undefined, this.docs.get(conflictsDocId(m)) as ConflictsDoc | undefined);
		if (plan.kind === 'write') return { item, plan, finishing };
		const result = plan.result;
		if (result.status === 'rejected' && result.code === 'record-not-found' && m.caseId !== undefined && (await this.#madeByFiledChange(m.caseId, m)))
			return this.#file(item, m.caseId);
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
		// The audit lines beside the records, not after them: both are awaited before any log is marked
		// done or the answer leaves. A line whose record is refused stands for the change its retry makes.
		const lines = changeLines(this.actor, going.filter((p) => !retry.includes(p)).map(({ item }) => ({ index: item.index, m: item.m, ...this.#claimedAt(item.m) })), this.now);
		const [written] = await Promise.all([bulkWrite(this.db, recordDocs), this.services.audit.appendOnce(lines)]);
		for (const line of lines) this.audited.add(line.key);
		records.forEach((p, i) => {
			const answer = written.get(recordDocs[i]!._id)!;
			if (!answer.ok) return retry.push(p);
			this.docs.wrote(recordDocs[i]!, answer.rev);
			this.#finish(p, answer.rev);
		});
		for (const { item } of retry) if (++item.attempts >= ATTEMPTS) throw new Error(`The record ${recordDocId(item.m)} kept changing while a change was saved; try again.`);
		await this.docs.read(retry.flatMap(({ item: { m } }) => [recordDocId(m), conflictsDocId(m)]));
	}

	#claimedAt(m: Mutation): { claimedAt?: string } {
		const claimedAt = (this.docs.get(mutationLogId(m)) as MutationLogDoc | undefined)?.serverTime;
		return claimedAt ? { claimedAt } : {};
	}

	#finish({ item, plan, finishing }: Pending, rev: string): void {
		const { result } = plan.finish(rev);
		this.settled.push({ index: item.index, m: item.m, rev, status: result.status, ...this.#claimedAt(item.m) });
		this.results[item.queue.shift()!.index] = finishing ? filedAnswer(item.m) : result;
	}

	/**
	 * A change seen before writes nothing. While the record still stands at the revision the change
	 * made, the answer is `duplicate`; once it has moved on, the device may hold a stale copy it will
	 * never be sent again (a pull skips records with a change waiting in the outbox, yet keeps the
	 * checkpoint), so it gets `merged` with the record and conflicts as they stand now — only while
	 * the person may still change the record. One who has lost the case hears the outcome alone: the
	 * record as it stands now is no longer theirs to see, and their device lets the case go anyway.
	 */
	#answerRetry(m: Mutation, rev: string, mayRead: boolean): MutationResult {
		const stored = this.docs.get(recordDocId(m));
		if (!mayRead || !stored?._rev || stored._rev === rev) return { status: 'duplicate', mutationId: m.mutationId, rev };
		const { _id, _rev, ...record } = stored;
		const conflicts = (this.docs.get(conflictsDocId(m)) as ConflictsDoc | undefined)?.entries ?? [];
		return { status: 'merged', mutationId: m.mutationId, rev: _rev, record, conflicts };
	}

	/**
	 * Files a change for the coordinator. Should another copy of it claim the change first (one sent
	 * while the person still had the case, racing this one), that copy applies it: the change is not
	 * filed as well, and this copy goes on as its retry would (finishing it, or answering it done).
	 */
	async #file(item: Item, caseId: string): Promise<MutationResult | Pending> {
		const m = { ...item.m, caseId };
		const filed: FiledDoc = { _id: filedDocId(caseId, m), type: 'filed-change', v: 1, caseId, userId: this.actor.user.id, mutation: m, serverTime: this.now.toISOString() };
		// Fixed ids: a retried copy finds both documents there already (409) and is answered the same.
		const made = await insertNew(this.db, filed);
		const log: MutationLogDoc = { _id: mutationLogId(m), type: 'mutation-log', v: 1, state: 'filed', userId: this.actor.user.id, recordDocId: recordDocId(m), status: 'filed', serverTime: this.now.toISOString() };
		if (await insertNew(this.db, log)) {
			this.docs.wrote(log as unknown as Doc, '');
			return filedAnswer(m);
		}
		await this.docs.read([mutationLogId(m)]);
		const held = this.docs.get(mutationLogId(m)) as MutationLogDoc | undefined;
		// Gone on once only: a change that another copy finishes, and that is filed again on the way
		// (its record made by a filed change), stays filed.
		if (held === undefined || held.state === 'filed' || this.#claimedElsewhere.has(m.mutationId)) return filedAnswer(m);
		this.#claimedElsewhere.add(m.mutationId);
		// A process dying between these two leaves the change applied and filed: over, never lost.
		if (made) await removeDoc(this.db, filed._id);
		return this.step(item);
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
