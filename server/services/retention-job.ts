import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../../src/lib/domain/case-record.js';
import { belongsToCase, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { anonymisedCase, dueInCase, dueReferral, type DeclinedReferral, type RetentionItem } from '../../src/lib/domain/retention-rules.js';
import type { RetentionRunResponse } from '../../src/lib/protocol/retention.js';
import { getDoc, insertNew, updateDoc, type Db } from '../store/documents.js';
import { auditEntry } from './audit-log.js';
import { clearCaseRange, clearFiled, removeCaseRecord, retiredCaseId } from './record-removal.js';
import type { Services } from './services.js';

/** Long enough for a large service's run; a process that dies holding it blocks runs no longer than this. */
export const RETENTION_LEASE_MS = 30 * 60_000;
/** Who the audit names when the timer, not a person, ran retention. */
export const SCHEDULED_RUN = 'retention-schedule';

type Stored = Record<string, unknown> & { _id: string; _rev: string };

/** Runs `each` over the items a batch at a time: enough reads in flight to hide latency, not enough to crowd the store. */
async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let at = 0; at < items.length; at += size) results.push(...(await Promise.all(items.slice(at, at + size).map(each))));
	return results;
}

/**
 * What is past retention now, across the service. Reads every case's key range once: the cost
 * of a job run in the background, never of a request a person waits on for their own work.
 */
export async function dueNow(services: Services, now: Date): Promise<RetentionItem[]> {
	const db = services.couch.dbs.records;
	const { policy } = await services.retention.settings();
	const cases = await db.view('tandem', 'cases-by-stage', { include_docs: true });
	const perCase = await inBatches(
		cases.rows.flatMap((row) => (row.doc ? [row.doc as unknown as CaseRecord & { _id: string }] : [])),
		8,
		async (record) => {
			const range = await db.list({ ...caseRecordRange(record.id), include_docs: true });
			const docs = range.rows.filter((row) => belongsToCase(row.id, record.id) && row.doc).map((row) => ({ docId: row.id, doc: row.doc as Record<string, unknown> }));
			return dueInCase(record, docs, policy, now);
		}
	);
	const declined = await db.view('tandem', 'referrals-by-status', { startkey: ['declined'], endkey: ['declined', {}], include_docs: true });
	const referrals = declined.rows.flatMap((row) => {
		const doc = row.doc as unknown as (DeclinedReferral & { _id: string }) | undefined;
		const item = doc && dueReferral({ ...doc, docId: doc._id }, policy, now);
		return item ? [item] : [];
	});
	return [...perCase.flat(), ...referrals];
}

/** Carries out one item; resolves with the revision it changed, or undefined when a repeat found it done. */
async function carryOut(db: Db, item: RetentionItem, now: Date): Promise<string | undefined> {
	if (item.kind === 'referral') {
		const doc = await getDoc<Stored>(db, item.docId);
		if (!doc) return undefined;
		await db.destroy(doc._id, doc._rev).catch(() => undefined);
		return (await getDoc(db, item.docId)) ? undefined : doc._rev;
	}
	const caseId = item.caseId!;
	if (item.kind === 'case') await clearFiled(db, caseId);
	if (item.kind === 'case' && item.action === 'anonymise') {
		let changedFrom: string | undefined;
		await updateDoc<Stored>(db, item.docId, (current) => {
			if (!current || current.type !== 'case') return undefined;
			changedFrom = current._rev;
			const next = anonymisedCase(current);
			return JSON.stringify(next) === JSON.stringify(current) ? undefined : { ...next, updatedAt: now.toISOString() };
		});
		return changedFrom && (await getDoc<Stored>(db, item.docId))?._rev !== changedFrom ? changedFrom : undefined;
	}
	if (item.kind === 'case') {
		// The whole case goes: the marker first, so a device that still holds it is told why.
		await insertNew(db, { _id: retiredCaseId(caseId), type: 'retired-case', v: 1, caseId, reference: item.reference, removedAt: now.toISOString(), rule: item.rule } as never);
		await clearCaseRange(db, caseId);
		return removeCaseRecord(db, caseId, caseDocId(caseId), 'retention', now);
	}
	return removeCaseRecord(db, caseId, item.docId, 'retention', now);
}

/**
 * One run: claims the lease (or answers busy), removes or anonymises everything due in the
 * order the rules list it, and writes an audit line per thing removed. Every step is safe to
 * repeat, so a run cut off part-way is finished by the next, and audits nothing twice.
 */
export async function runRetention(services: Services, by: string, now: Date): Promise<RetentionRunResponse> {
	const holder = `${by}:${randomUUID()}`;
	const answer = (status: RetentionRunResponse['status'], removed = 0, anonymised = 0): RetentionRunResponse => ({ status, removed, anonymised, checkedAt: now.toISOString() });
	if (!(await services.retention.claim(holder, now, RETENTION_LEASE_MS))) return answer('busy');
	try {
		const settings = await services.retention.settings();
		const policy = settings.updatedAt ? `changed ${settings.updatedAt}` : 'default';
		const db = services.couch.dbs.records;
		let [removed, anonymised] = [0, 0];
		for (const item of await dueNow(services, now)) {
			const rev = await carryOut(db, item, now);
			if (rev === undefined) continue;
			await services.retention.record(item, rev, policy, by, now);
			if (item.caseId && item.kind !== 'case') await services.audit.append([auditEntry({ user: { id: by } }, item.caseId, 'delete', now, { recordId: item.docId.split(':').at(-1)! })]);
			if (item.action === 'anonymise') anonymised++;
			else removed++;
		}
		return answer('done', removed, anonymised);
	} finally {
		await services.retention.release(holder, new Date());
	}
}

/** Runs retention on a timer in this process; other processes may run theirs, the lease keeps it to one at a time. */
export function scheduleRetention(services: Services, everyMs: number, log: (error: unknown) => void = () => undefined): () => void {
	const timer = setInterval(() => void runRetention(services, SCHEDULED_RUN, new Date()).catch(log), everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
