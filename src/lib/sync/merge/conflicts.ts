import type { ChangeOrigin, ConflictEntry, ConflictResolution, ConflictValue } from '../../protocol/sync-conflict.js';
import type { Collision } from './field-merge.js';
import { compact, distinct, isPlainObject, sameValue } from './values.js';

/** A kept value; a cleared field has no `value` key, as it will have after JSON. */
export function keptValue(value: unknown, origin?: ChangeOrigin): ConflictValue {
	return { ...(value === undefined ? {} : { value }), ...(origin ? { origin } : {}) };
}

/** The value at a conflict's path: a field, or one key of a by-key field. */
export function valueAtPath(record: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
	const [field, key] = path;
	const value = field === undefined ? undefined : record[field];
	return key === undefined ? value : isPlainObject(value) ? value[key] : undefined;
}

/** A copy of the record with one field, or one key of a by-key field, set; undefined removes it. */
export function withValueAt(record: Readonly<Record<string, unknown>>, path: readonly string[], value: unknown): Record<string, unknown> {
	const [field, key] = path as [string, string?];
	if (key === undefined) return compact({ ...record, [field]: value });
	const inner = isPlainObject(record[field]) ? record[field] : {};
	return compact({ ...record, [field]: compact({ ...inner, [key]: value }) });
}

/** Keeps the invariant that the value a record holds is one of its conflict's values. */
export function includeRecordValues(conflicts: readonly ConflictEntry[], record: Readonly<Record<string, unknown>>): ConflictEntry[] {
	return conflicts.map((entry) => ({ ...entry, values: distinct([...entry.values, keptValue(valueAtPath(record, entry.path))], sameKept) }));
}

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((part, i) => part === b[i]);
const sameKept = (a: ConflictValue, b: ConflictValue) => sameValue(a.value, b.value);

export function findConflict(conflicts: readonly ConflictEntry[], path: readonly string[]): ConflictEntry | undefined {
	return conflicts.find((entry) => samePath(entry.path, path));
}

/** Entries on the same path become one, with every distinct value of either. */
export function combineConflicts(...lists: readonly (readonly ConflictEntry[])[]): ConflictEntry[] {
	const combined: ConflictEntry[] = [];
	for (const entry of lists.flat()) {
		const at = combined.findIndex((kept) => samePath(kept.path, entry.path));
		if (at === -1) combined.push({ ...entry, values: distinct(entry.values, sameKept) });
		else combined[at] = { ...combined[at]!, values: distinct([...combined[at]!.values, ...entry.values], sameKept) };
	}
	return combined.filter((entry) => entry.values.length >= 2);
}

export function conflictsFrom(collisions: readonly Collision[], origins: { local?: ChangeOrigin; remote?: ChangeOrigin }): ConflictEntry[] {
	return collisions.map((c) => ({
		path: c.path,
		ancestor: keptValue(c.ancestor),
		values: [keptValue(c.local, origins.local), keptValue(c.remote, origins.remote)]
	}));
}

/**
 * Applies people's decisions: the values they saw leave the entry. A value that arrived after they
 * looked stays in conflict with what the record now holds, so no decision hides an unseen value.
 */
export function settleConflicts(
	conflicts: readonly ConflictEntry[],
	resolutions: readonly ConflictResolution[],
	valueAt: (path: readonly string[]) => unknown
): ConflictEntry[] {
	return conflicts.flatMap((entry) => {
		const resolution = resolutions.find((r) => samePath(r.path, entry.path));
		if (!resolution) return [entry];
		const unseen = entry.values.filter((value) => !resolution.seen.some((seen) => sameKept(seen, value)));
		const values = distinct([keptValue(valueAt(entry.path)), ...unseen], sameKept);
		return unseen.length > 0 && values.length >= 2 ? [{ ...entry, values }] : [];
	});
}
