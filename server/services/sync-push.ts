import type { Mutation, MutationResult } from '../../src/lib/protocol/sync.js';
import { decidePush, type PushDecision } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import type { ConflictEntry } from '../../src/lib/protocol/sync-conflict.js';
import { docsWithPrefix, getDoc, insertNew, updateDoc, type Db } from '../store/documents.js';
import { auditEntry } from './audit-log.js';
import type { Services } from './services.js';
import { applyMutation, type ApplyContext } from './sync-apply.js';
import { conflictsDocId, fetchDocs, filedDocId, filedPrefix, mutationLogId, recordDocId, type FiledDoc, type MutationLogDoc } from './sync-documents.js';

const SERVICE = '(service)';

/** Who may push changes of one case (or of service-wide records), decided once per batch. */
async function decisionFor(services: Services, actor: Actor, caseId: string | undefined, types: readonly string[]): Promise<PushDecision> {
	if (caseId === undefined) {
		// Checklist templates are the office's; people and places any casework role may add.
		const office = actor.roles.includes('coordinator') || actor.roles.includes('administrator');
		if (types.includes('checklist-template') && !office) return 'refuse';
		return actor.roles.length > 0 ? 'apply' : 'refuse';
	}
	const [record, assigned] = await Promise.all([services.cases.get(caseId), services.accounts.isAssigned(actor.user.id, caseId)]);
	return decidePush(actor.roles, { exists: record !== undefined, open: record?.status === 'open', assigned });
}

async function fileChange(services: Services, actor: Actor, m: Mutation & { caseId: string }, now: Date): Promise<MutationResult> {
	const db = services.couch.dbs.records;
	const filed: FiledDoc = { _id: filedDocId(m.caseId, m), type: 'filed-change', v: 1, caseId: m.caseId, userId: actor.user.id, mutation: m, serverTime: now.toISOString() };
	// Fixed ids: a retried copy finds both documents there already (409) and is answered the same.
	await insertNew(db, filed);
	const log: MutationLogDoc = { _id: mutationLogId(m), type: 'mutation-log', v: 1, state: 'filed', userId: actor.user.id, recordDocId: recordDocId(m), status: 'filed', serverTime: now.toISOString() };
	await insertNew(db, log);
	return { status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' };
}

/**
 * A change seen before writes nothing. While the record still stands at the revision the change
 * made, the answer is `duplicate`; once it has moved on, the device may hold a stale copy it will
 * never be sent again (a pull skips records with a change waiting in the outbox, yet keeps the
 * checkpoint), so it gets `merged` with the record and conflicts as they stand now.
 */
async function answerRetry(db: Db, m: Mutation, rev: string): Promise<MutationResult> {
	const docs = await fetchDocs<Record<string, unknown> & { _rev?: string; entries?: ConflictEntry[] }>(db, [recordDocId(m), conflictsDocId(m)]);
	const stored = docs.get(recordDocId(m));
	if (!stored?._rev || stored._rev === rev) return { status: 'duplicate', mutationId: m.mutationId, rev };
	const { _id, _rev, ...record } = stored;
	return { status: 'merged', mutationId: m.mutationId, rev: _rev, record, conflicts: docs.get(conflictsDocId(m))?.entries ?? [] };
}

/** A change written to its record, whose audit line and log entry are still to be written. */
interface Written {
	m: Mutation;
	result: MutationResult & { rev: string };
	created: boolean;
	claimedAt?: string;
}

async function pushOne(services: Services, actor: Actor, decision: PushDecision, m: Mutation, now: Date, written: Written[]): Promise<MutationResult> {
	const db = services.couch.dbs.records;
	const log = await getDoc<MutationLogDoc>(db, mutationLogId(m));
	if (log?.state === 'done' && log.rev) return answerRetry(db, m, log.rev);
	if (log?.state === 'filed') return { status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' };
	if (decision === 'refuse') return { status: 'rejected', mutationId: m.mutationId, code: 'forbidden', message: 'You cannot change this.', fields: [] };
	// A `pending` log: a try made while the person had the case claimed the change and may have
	// written the record. It is finished, so it is made and audited once, and not filed as well;
	// the person, who has lost the case, hears only that it was accepted.
	const finishing = decision === 'file' && log?.state === 'pending';
	if (decision === 'file' && !finishing && m.caseId !== undefined) return fileChange(services, actor, { ...m, caseId: m.caseId }, now);
	const context: ApplyContext = { db, userId: actor.user.id, userName: actor.user.displayName, officeFieldsAllowed: actor.roles.includes('coordinator'), now };
	const { result, created, claimedAt } = await applyMutation(context, m, log);
	if (result.status === 'applied' || result.status === 'merged') written.push({ m, result, created, ...(claimedAt ? { claimedAt } : {}) });
	if (finishing && (result.status === 'applied' || result.status === 'merged')) return { status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' };
	if (result.status === 'rejected' && result.code === 'record-not-found' && m.caseId !== undefined && (await madeByFiledChange(db, m.caseId, m)))
		return fileChange(services, actor, { ...m, caseId: m.caseId }, now);
	return result;
}

/**
 * Whether the record was made by a change this server filed: its case came back to the device
 * before the device purged it, so later changes of the record arrive for a case it may write. They
 * belong with the filed one, for the coordinator, not refused for a record the server never had.
 * Read only on this rare path: the case's filed changes are one key range.
 */
async function madeByFiledChange(db: Db, caseId: string, m: Mutation): Promise<boolean> {
	const filed = await docsWithPrefix<FiledDoc>(db, filedPrefix(caseId));
	return filed.some((doc) => recordDocId(doc.mutation) === recordDocId(m));
}

/**
 * Audit first, then the log: a change is `done` only once its audit line exists. If the audit write
 * fails, the logs stay `pending`, the batch fails, and the retry merges again (changing nothing)
 * and writes the line then. The line's id comes from the change and the time it was claimed, the
 * same on every try, so a retry after the line was written (the process died before marking the
 * log done), or a copy of the batch racing this one, finds it there: each change is audited once.
 */
async function settle(services: Services, actor: Actor, written: readonly Written[], now: Date): Promise<void> {
	const lines = written.flatMap(({ m, created, claimedAt }) =>
		m.caseId === undefined
			? []
			: [
					{
						key: mutationLogId(m),
						entry: auditEntry(actor, m.caseId, created ? 'create' : 'change', claimedAt ? new Date(claimedAt) : now, {
							recordId: m.recordId,
							deviceTime: m.deviceTime,
							source: 'offline-report',
							fields: Object.keys(m.changes).sort(),
							...(m.resolves?.length ? { resolved: m.resolves.map((r) => r.path) } : {})
						})
					}
				]
	);
	await services.audit.appendOnce(lines);
	const db = services.couch.dbs.records;
	await Promise.all(
		written.map(({ m, result }) => updateDoc<MutationLogDoc>(db, mutationLogId(m), (current) => current && { ...current, state: 'done', rev: result.rev, status: result.status }))
	);
}

/**
 * Applies a pushed batch: one case at a time in the order sent (cases side by side), so a change
 * never overtakes an earlier change of the same record. Answers one result per mutation, in order.
 * The audit lines (device time, server time, device id) are written before the answer leaves.
 */
export async function pushChanges(services: Services, actor: Actor, mutations: readonly Mutation[], now: Date): Promise<MutationResult[]> {
	const groups = new Map<string, number[]>();
	mutations.forEach((m, index) => groups.set(m.caseId ?? SERVICE, [...(groups.get(m.caseId ?? SERVICE) ?? []), index]));
	const results: MutationResult[] = [];
	const written: Written[] = [];
	await Promise.all(
		[...groups].map(async ([key, indexes]) => {
			const caseId = key === SERVICE ? undefined : key;
			const decision = await decisionFor(services, actor, caseId, indexes.map((i) => mutations[i]!.recordType));
			for (const index of indexes) results[index] = await pushOne(services, actor, decision, mutations[index]!, now, written);
		})
	);
	// In the order sent, so a case's audit lines of one moment read in the order the changes were made.
	await settle(services, actor, [...written].sort((a, b) => mutations.indexOf(a.m) - mutations.indexOf(b.m)), now);
	return results;
}
