import { liveQuery, type Observable } from 'dexie';
import { openOutboxRow, type PendingChange } from '../db/outbox.js';
import { outboxContext, recordRepository, sealRecordRow } from '../db/record-repository.js';
import { openFor, requireKey, sealContext } from '../db/sealing.js';
import type { StoredRecord, UserDb } from '../db/user-db.js';
import { parseRecord, type DomainRecord } from '../domain/records.js';
import { diffRecords } from './merge/record-changes.js';
import { compact, sameValue } from './merge/values.js';
import { syncStore, type RejectionReason, type ServerCopy } from './sync-store.js';

/** A change the server refused, with what it was and why; it stays on the tablet until a person acts. */
export interface RefusedChange extends RejectionReason {
	mutationId: string;
	docId: string;
	caseId?: string;
	/** When it was made on this tablet. */
	at: string;
	record: DomainRecord;
	/** The fields the change altered (all of them for a new record). */
	changed: string[];
	/** The values written, field by field, for the person to copy. */
	written: Record<string, unknown>;
}

const rejectionContext = (row: { mutationId: string; docId: string }) => sealContext('rejections', row.mutationId, row.docId);

function describe(change: PendingChange, reason: RejectionReason, caseId: string | undefined): RefusedChange {
	const changes = diffRecords(change.before, change.record);
	const changed = Object.keys(changes).filter((field) => !['updatedAt', 'v'].includes(field) || !change.before);
	const written = Object.fromEntries(changed.map((field) => [field, (change.record as Record<string, unknown>)[field]]));
	return { ...reason, mutationId: change.mutationId, docId: change.docId, ...(caseId ? { caseId } : {}), at: change.at, record: change.record, changed, written };
}

const parsedOrUndefined = (record: Record<string, unknown>): DomainRecord | undefined => {
	const parsed = parseRecord(compact(record));
	return parsed.ok ? parsed.value : undefined;
};

/**
 * The working copy once a refused change is undone: each field it changed goes back to what it was
 * before, unless a later edit changed that field again, and every field no other waiting edit
 * changed takes the server copy's value. Not what the person saw before the refused change: a
 * merge answered while it waited (a conflict kept, say) could not replace the working copy then.
 * 'remove' for a refused creation with nothing after it; undefined (leave it) when undoing would
 * not make a valid record.
 */
function undone(change: PendingChange, current: DomainRecord | undefined, others: PendingChange[], copy: ServerCopy | undefined): DomainRecord | 'remove' | undefined {
	if (!change.before) return others.some((other) => other.seq > change.seq) ? undefined : 'remove';
	if (!current) return undefined;
	const reverted: Record<string, unknown> = { ...current };
	for (const field of Object.keys(diffRecords(change.before, change.record))) {
		if (sameValue(reverted[field], (change.record as Record<string, unknown>)[field])) reverted[field] = (change.before as Record<string, unknown>)[field];
	}
	// An edit saved before `before` was kept does not say what it changed: then keep all of the tablet's.
	if (!copy || others.some((other) => !other.before)) return parsedOrUndefined(reverted);
	const version: Record<string, unknown> = { ...copy.record };
	for (const other of others) for (const field of Object.keys(diffRecords(other.before, other.record))) version[field] = reverted[field];
	return parsedOrUndefined(version) ?? parsedOrUndefined(reverted);
}

export function refusedChanges(db: UserDb) {
	async function list(): Promise<RefusedChange[]> {
		requireKey(db);
		const rejections = await db.rejections.toArray();
		const found = await Promise.all(
			rejections.map(async (row) => {
				const entry = await db.outbox.where('mutationId').equals(row.mutationId).first();
				if (!entry) return undefined;
				const reason = await openFor<RejectionReason>(db, rejectionContext(row), row.enc);
				return describe(await openOutboxRow(db, entry), reason, row.caseId);
			})
		);
		return found.filter((item) => item !== undefined).sort((a, b) => a.at.localeCompare(b.at));
	}

	/**
	 * Removes a refused change from the tablet after a person confirmed it, in one transaction with
	 * its reason and the undoing of its values in the working copy: it becomes the server's copy
	 * (whose kept conflicts ask for a decision again), but for what other waiting edits changed. The
	 * case's pull checkpoint goes too: pulls skipped this record while the change waited, so the
	 * next one sends the case again and the tablet gets the server's version back. Answers false
	 * when the change is no longer there (another tab acted first).
	 */
	async function discard(mutationId: string): Promise<boolean> {
		const entry = await db.outbox.where('mutationId').equals(mutationId).first();
		if (!entry) return false;
		const change = await openOutboxRow(db, entry);
		const current = await recordRepository(db).get(change.docId);
		const otherRows = await db.outbox.where('docId').equals(change.docId).filter((other) => other.seq !== entry.seq).toArray();
		const others = await Promise.all(otherRows.map((row) => openOutboxRow(db, row)));
		const copy = (await syncStore(db).serverCopies([change.docId])).get(change.docId);
		const next = undone(change, current, others, copy);
		const sealed: StoredRecord | 'remove' | undefined = next === 'remove' || next === undefined ? next : await sealRecordRow(db, next);
		const outcome = await db.transaction('rw', [db.outbox, db.rejections, db.records, db.checkpoints], async () => {
			const still = await db.outbox.get(entry.seq!);
			if (!still || still.mutationId !== mutationId || outboxContext(still) !== outboxContext(entry)) return false;
			// An edit of the record saved meanwhile: work the working copy out again, never overwrite it.
			const waiting = (await db.outbox.where('docId').equals(change.docId).primaryKeys()) as number[];
			if (waiting.length !== others.length + 1) return 'again';
			await db.outbox.delete(entry.seq!);
			await db.rejections.delete(mutationId);
			if (sealed === 'remove') await db.records.delete(change.docId);
			else if (sealed) await db.records.put(sealed);
			if (entry.caseId) await db.checkpoints.where('caseId').equals(entry.caseId).delete();
			return true;
		});
		return outcome === 'again' ? discard(mutationId) : outcome;
	}

	return {
		list,
		watch: (): Observable<RefusedChange[]> => liveQuery(list),
		discard
	};
}

export type RefusedChanges = ReturnType<typeof refusedChanges>;
