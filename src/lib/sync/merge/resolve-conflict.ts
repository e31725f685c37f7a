import { mergeRuleOf } from '../../domain/merge-hints.js';
import { isRecordType } from '../../domain/records.js';
import type { ConflictEntry, ConflictResolution } from '../../protocol/sync-conflict.js';
import { findConflict, settleConflicts, valueAtPath, withValueAt } from './conflicts.js';
import { sameValue, type Doc } from './values.js';

/** A person's choice: one of the kept values by its place in the entry, or a value they wrote. */
export type ConflictChoice = { pick: number } | { value: unknown };

export type ResolveResult =
	| { ok: true; record: Record<string, unknown>; conflicts: ConflictEntry[]; resolution: ConflictResolution }
	| { ok: false; code: 'no-such-conflict' | 'no-such-value' | 'record-frozen' };

/**
 * Settles one conflict on the device. The new record is saved through the outbox like any edit,
 * with `resolution` in the mutation's `resolves`, so the server drops exactly the values the
 * person saw. A frozen record can take only the value it already holds.
 */
export function resolveConflict(record: Doc, conflicts: readonly ConflictEntry[], path: readonly string[], choice: ConflictChoice): ResolveResult {
	const entry = findConflict(conflicts, path);
	if (!entry) return { ok: false, code: 'no-such-conflict' };
	const picked = 'pick' in choice ? entry.values[choice.pick] : { value: choice.value };
	if (!picked) return { ok: false, code: 'no-such-value' };
	const current = valueAtPath(record, path);
	const type = record.type;
	const field = path[0]!;
	if (!sameValue(current, picked.value) && isRecordType(type) && mergeRuleOf(type, field, record) === 'immutable') {
		return { ok: false, code: 'record-frozen' };
	}
	const resolved = withValueAt(record, path, picked.value);
	const resolution: ConflictResolution = { path: [...entry.path], seen: entry.values.map(({ value }) => (value === undefined ? {} : { value })) };
	return { ok: true, record: resolved, conflicts: settleConflicts(conflicts, [resolution], (at) => valueAtPath(resolved, at)), resolution };
}
