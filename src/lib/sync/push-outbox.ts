import type { PendingChange } from '../db/outbox.js';
import { caseIdOf } from '../db/record-repository.js';
import { PUSH_BATCH_LIMIT, type FieldChanges, type Mutation, type MutationResult } from '../protocol/sync.js';
import type { ConflictResolution } from '../protocol/sync-conflict.js';
import { settleConflicts, valueAtPath } from './merge/conflicts.js';
import { changeSides, diffRecords } from './merge/record-changes.js';
import { compact } from './merge/values.js';
import { holdsAsStored, type PushedVersion } from './held-versions.js';
import type { SettledCopy } from './one-row-copy.js';
import type { PushSettlement, ServerCopy, SyncStore } from './sync-store.js';
import type { TransportFailure, SyncTransport } from './sync-transport.js';

export interface PushContext {
	store: SyncStore;
	transport: SyncTransport;
	deviceId: string;
}

export type PushSummary = { ok: true; sent: number; rejected: number } | TransportFailure;

interface Outgoing {
	change: PendingChange;
	caseId?: string;
	mutation: Mutation;
}

/** Which entries a push sends: normally all but those already refused; for a purge, the case's. */
export type PushFilter = (change: PendingChange, refusedBefore: boolean) => boolean;
export const notRefused: PushFilter = (_change, refusedBefore) => !refusedBefore;
export const inCase = (caseId: string): PushFilter => (change) => caseIdOf(change.record) === caseId;

/**
 * A decision on a conflict must reach the server even when the chosen value is the one the record
 * already held (nothing else changed): each resolved field is named, unchanged, so the change is
 * not empty and the server settles the conflict against it.
 */
function withResolvedFields(changes: FieldChanges, record: Record<string, unknown>, resolves: readonly ConflictResolution[] | undefined): FieldChanges {
	if (!resolves?.length) return changes;
	const named: FieldChanges = { ...changes };
	for (const { path } of resolves) {
		const field = path[0]!;
		named[field] ??= compact({ from: record[field], to: record[field] });
	}
	return named;
}

/**
 * Each entry's `changes` are what that edit altered: the record against the version it was made
 * on. Diffing against the server's copy instead would send back, as if edited, old values of
 * fields the person never touched, and overwrite a colleague's newer value without a conflict.
 * Entries saved before `before` was kept fall back to the previous entry in this batch, else the
 * server's copy. `baseRev` is always a revision the device was given.
 */
function toMutations(chosen: PendingChange[], copies: Map<string, ServerCopy>, deviceId: string) {
	const working = new Map<string, Record<string, unknown>>();
	const outgoing: Outgoing[] = [];
	const unchanged: PushSettlement[] = [];
	for (const change of chosen) {
		const base = copies.get(change.docId);
		const changes = withResolvedFields(diffRecords(change.before ?? working.get(change.docId) ?? base?.record, change.record), change.record, change.resolves);
		working.set(change.docId, change.record);
		const caseId = caseIdOf(change.record);
		// Saving a record unchanged leaves nothing to say; the entry is done.
		if (Object.keys(changes).length === 0) {
			unchanged.push({ kind: 'acknowledged', change, caseId });
			continue;
		}
		const mutation: Mutation = {
			mutationId: change.mutationId,
			recordId: change.record.id,
			recordType: change.record.type,
			...(caseId ? { caseId } : {}),
			...(base ? { baseRev: base.rev } : {}),
			changes,
			...(change.resolves?.length ? { resolves: change.resolves } : {}),
			deviceTime: change.at,
			deviceId
		};
		outgoing.push({ change, caseId, mutation });
	}
	return { outgoing, unchanged };
}

/** What the device now knows the server holds, result by result. */
function settlementOf(sent: Outgoing, result: MutationResult, view: Map<string, ServerCopy>): PushSettlement {
	const { change, caseId, mutation } = sent;
	switch (result.status) {
		case 'applied':
		case 'duplicate': {
			const before = view.get(change.docId);
			const record = changeSides(before?.record, mutation.changes).incoming;
			// The server dropped the values the person saw; the copy does the same, or they would come back.
			const held = before?.conflicts ?? [];
			const conflicts = mutation.resolves ? settleConflicts(held, mutation.resolves, (path) => valueAtPath(record, path)) : held;
			const copy = { rev: result.rev, record, conflicts };
			view.set(change.docId, copy);
			return { kind: 'acknowledged', change, caseId, copy };
		}
		case 'merged': {
			const copy = { rev: result.rev, record: result.record, conflicts: result.conflicts };
			view.set(change.docId, copy);
			return { kind: 'acknowledged', change, caseId, copy, merged: true };
		}
		case 'filed':
			return { kind: 'acknowledged', change, caseId, filed: true };
		case 'rejected':
			return { kind: 'rejected', change, caseId, reason: { code: result.code, message: result.message, fields: result.fields } };
	}
}

/**
 * Pushes outbox entries in order, in batches. A batch whose answer is lost is sent again with the
 * same mutation ids next time, and the server answers `duplicate`: it is applied once. `settled`
 * gains the revision stored for each record (the pull that follows skips an older one, as a
 * lagging replica might send), and its values where the tablet now holds them in one row.
 * `lastAnswered` is called once the server has answered the last batch (or there was none), before
 * that batch settles on the device: entries saved after the batch after it was looked for wait for
 * the next round, so nothing this round pushes lands on the server after that call. It is given
 * the revisions stored that the tablet will hold as the server has them, for the pull to name.
 */
export async function pushOutbox(ctx: PushContext, include: PushFilter, settled?: Map<string, SettledCopy>, lastAnswered?: (stored: PushedVersion[]) => void): Promise<PushSummary> {
	// The first batch's server copies are read beside it; a later batch's only once the one before has settled.
	const [refused, firstBatch] = await Promise.all([ctx.store.rejectedSeqs(), ctx.store.pending(PUSH_BATCH_LIMIT, 0, true)]);
	let taken = firstBatch;
	let sent = 0;
	let rejected = 0;
	const stored: PushedVersion[] = [];
	for (;;) {
		if (taken.lastSeq === undefined) {
			lastAnswered?.(stored);
			return { ok: true, sent, rejected };
		}
		const after = taken.lastSeq;
		const chosen = taken.changes.filter((change) => include(change, refused.has(change.seq)));
		if (chosen.length === 0) {
			taken = await ctx.store.pending(PUSH_BATCH_LIMIT, after);
			continue;
		}
		const copies = taken.copies ?? (await ctx.store.serverCopies([...new Set(chosen.map((c) => c.docId))]));
		const { outgoing, unchanged } = toMutations(chosen, copies, ctx.deviceId);
		if (outgoing.length === 0) {
			await ctx.store.settle(unchanged);
			taken = await ctx.store.pending(PUSH_BATCH_LIMIT, after);
			continue;
		}
		const answer = await ctx.transport.push({ mutations: outgoing.map((o) => o.mutation) });
		if (!answer.ok) return answer;
		const { results } = answer.value;
		if (results.length !== outgoing.length || results.some((r, i) => r.mutationId !== outgoing[i]!.mutation.mutationId)) {
			return { ok: false, kind: 'failed', message: 'The server answered for different changes than were sent.' };
		}
		const view = new Map(copies);
		const settlements = results.map((result, i) => settlementOf(outgoing[i]!, result, view));
		results.forEach((result, i) => {
			const { change, caseId } = outgoing[i]!;
			if (holdsAsStored(result)) stored.push({ docId: change.docId, rev: result.rev, ...(caseId ? { caseId } : {}) });
		});
		// The next batch is looked for before this one settles: when there is none, the pull may go now.
		taken = await ctx.store.pending(PUSH_BATCH_LIMIT, after);
		if (taken.lastSeq === undefined) lastAnswered?.(stored);
		const oneRow = await ctx.store.settle([...unchanged, ...settlements]);
		for (const s of settlements) if (s.kind === 'acknowledged' && s.copy) settled?.set(s.change.docId, { rev: s.copy.rev, ...(oneRow.has(s.change.docId) ? { record: s.copy.record } : {}) });
		sent += outgoing.length;
		rejected += settlements.filter((s) => s.kind === 'rejected').length;
	}
}
