import { MERGE_HINTS, mergeRuleOf } from '../../domain/merge-hints.js';
import { isRecordType, type RecordType } from '../../domain/records.js';
import type { ChangeOrigin, ConflictEntry } from '../../protocol/sync-conflict.js';
import { combineConflicts, conflictsFrom, includeRecordValues } from './conflicts.js';
import { mergeField, type Collision, type Pinned } from './field-merge.js';
import { compact, type Doc } from './values.js';

export interface MergeInput {
	/** The version both sides started from; undefined when both sides made the record. */
	ancestor?: Doc;
	/** The version where the merge runs (on the server, the stored one); it is kept on a collision. */
	local: Doc;
	remote: Doc;
	/** Conflicts each side already holds for this record: merged in, never dropped. */
	conflicts?: { local?: readonly ConflictEntry[]; remote?: readonly ConflictEntry[] };
	origins?: { local?: ChangeOrigin; remote?: ChangeOrigin };
}

export type MergeFailureCode = 'record-type-mismatch' | 'immutable-field-changed';

export type MergeResult =
	| { ok: true; record: Record<string, unknown>; conflicts: ConflictEntry[] }
	| { ok: false; code: MergeFailureCode; fields: string[] };

export function isFrozen(type: RecordType, doc: Doc | undefined): boolean {
	const when = MERGE_HINTS[type].frozenWhen;
	return Boolean(when && doc && when.values.includes(String(doc[when.field])));
}

/**
 * When one side froze the record (completed an assessment, sent a letter) and the other went on
 * editing the draft, the frozen side stands and the other side's edits are kept as conflicts.
 */
function pinnedSide(type: RecordType, { ancestor, local, remote }: MergeInput): Pinned {
	if (isFrozen(type, ancestor)) return undefined;
	const [l, r] = [isFrozen(type, local), isFrozen(type, remote)];
	return l === r ? undefined : l ? 'local' : 'remote';
}

/**
 * Three-way, field-level merge of one record by its type's merge hints. A field changed on one
 * side takes that change; changed on both to different values, the record keeps the local value
 * and a conflict entry keeps both. Any change to an immutable field (or to a frozen or
 * append-only record) refuses the whole merge: nothing is half-applied.
 */
export function mergeRecord(input: MergeInput): MergeResult {
	const { ancestor, local, remote } = input;
	const type = local.type;
	if (!isRecordType(type) || remote.type !== type || (ancestor && ancestor.type !== type)) {
		return { ok: false, code: 'record-type-mismatch', fields: ['type'] };
	}
	const pinned = pinnedSide(type, input);
	const fields = new Set([...Object.keys(ancestor ?? {}), ...Object.keys(local), ...Object.keys(remote)]);
	const record: Record<string, unknown> = {};
	const collisions: Collision[] = [];
	const refused: string[] = [];
	for (const field of fields) {
		// A field this build has no rule for (a newer app's) is merged like any field: kept, never lost.
		const rule = mergeRuleOf(type, field, ancestor) ?? 'field';
		const sides = { ancestor: ancestor?.[field], local: local[field], remote: remote[field] };
		const outcome = mergeField(rule, field, sides, pinned, ancestor === undefined);
		if (outcome.refused) refused.push(field);
		else {
			record[field] = outcome.value;
			collisions.push(...outcome.collisions);
		}
	}
	if (refused.length > 0) return { ok: false, code: 'immutable-field-changed', fields: refused.sort() };
	const merged = compact(record);
	const known = combineConflicts(input.conflicts?.local ?? [], input.conflicts?.remote ?? [], conflictsFrom(collisions, input.origins ?? {}));
	return { ok: true, record: merged, conflicts: includeRecordValues(known, merged) };
}
