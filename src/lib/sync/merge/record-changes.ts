import type { ConflictEntry } from '../../protocol/sync-conflict.js';
import type { FieldChanges, Mutation } from '../../protocol/sync.js';
import { mergeRuleOf } from '../../domain/merge-hints.js';
import { isRecordType } from '../../domain/records.js';
import { findConflict, settleConflicts, valueAtPath, withValueAt } from './conflicts.js';
import { mergeRecord, type MergeResult } from './merge-record.js';
import { compact, sameValue, type Doc } from './values.js';

/** The fields that differ between two versions, each with the value it was made on. */
export function diffRecords(before: Doc | undefined, after: Doc): FieldChanges {
	const changes: FieldChanges = {};
	for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
		const [from, to] = [before?.[field], after[field]];
		if (!sameValue(from, to)) changes[field] = compact({ from, to });
	}
	return changes;
}

function overlay(doc: Doc | undefined, changes: FieldChanges, side: 'from' | 'to'): Record<string, unknown> {
	const result: Record<string, unknown> = { ...doc };
	for (const [field, change] of Object.entries(changes)) result[field] = change[side];
	return compact(result);
}

/**
 * The two versions a pushed change stands for, rebuilt from the stored record: the ancestor is the
 * stored record with each changed field put back to its `from`, the incoming one with its `to`.
 * Fields the change does not name are the same in both, so the stored value stands.
 */
export function changeSides(stored: Doc | undefined, changes: FieldChanges): { ancestor?: Doc; incoming: Doc } {
	// A change with no `from` at all made the record; if it exists already, both sides made it.
	const created = Object.values(changes).every((change) => !('from' in change));
	return {
		ancestor: created ? undefined : overlay(stored, changes, 'from'),
		incoming: overlay(stored, changes, 'to')
	};
}

type Incoming = Pick<Mutation, 'changes' | 'resolves' | 'mutationId' | 'deviceId' | 'deviceTime'> & { userId?: string; userName?: string };

/**
 * What the server writes for a pushed change: merged three-way against the stored record, with
 * any conflicts the change resolves settled. The caller still validates the result with the
 * domain schema before writing it.
 */
export function mergeMutation(stored: Doc | undefined, storedConflicts: readonly ConflictEntry[], change: Incoming): MergeResult {
	const { ancestor, incoming } = changeSides(stored, change.changes);
	const origin = { mutationId: change.mutationId, deviceId: change.deviceId, at: change.deviceTime, ...(change.userId ? { userId: change.userId } : {}), ...(change.userName ? { name: change.userName } : {}) };
	const merged = stored
		? mergeRecord({ ancestor, local: stored, remote: incoming, conflicts: { local: storedConflicts }, origins: { remote: origin } })
		: mergeRecord({ ancestor, local: incoming, remote: incoming });
	if (!merged.ok || !change.resolves?.length) return merged;
	// The person's choice stands over the values they saw, even where the three-way merge kept the
	// stored one (a choice equal to what they held looks like no change). Values they did not see
	// stay in conflict with it. Only a field still in conflict and still changeable is set.
	const type = merged.record.type;
	let record = merged.record;
	for (const { path } of change.resolves) {
		const open = findConflict(merged.conflicts, path) !== undefined;
		if (open && isRecordType(type) && mergeRuleOf(type, path[0]!, record) !== 'immutable') record = withValueAt(record, path, valueAtPath(incoming, path));
	}
	return { ok: true, record, conflicts: settleConflicts(merged.conflicts, change.resolves, (path) => valueAtPath(record, path)) };
}
