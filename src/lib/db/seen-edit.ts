import { MERGE_HINTS } from '../domain/merge-hints.js';
import type { DomainRecord } from '../domain/records.js';
import { compact, isPlainObject, sameValue } from '../sync/merge/values.js';

type Doc = Record<string, unknown>;

/** An edit made on an older screen, moved onto the record as it stands now. */
export interface RebasedEdit {
	/** The record as it stands now, with only what the person changed on their screen applied. */
	record: DomainRecord;
	/**
	 * What the outbox diffs against: the record as it stands now, except that a value the person
	 * and someone else both changed reads as the person saw it, so the server's three-way merge
	 * sees both changes and keeps both values for a person to choose.
	 */
	before: DomainRecord;
}

/** A list of ids: the person's additions and removals applied to the list as it stands now. */
function unionEdit(seen: unknown, mine: unknown, now: unknown): unknown {
	if (!Array.isArray(seen) || !Array.isArray(mine) || !Array.isArray(now)) return mine;
	const removed = seen.filter((item) => !mine.some((m) => sameValue(m, item)));
	const added = mine.filter((item) => !seen.some((s) => sameValue(s, item)));
	const kept = now.filter((item) => !removed.some((r) => sameValue(r, item)));
	return [...kept, ...added.filter((item) => !kept.some((k) => sameValue(k, item)))];
}

/** One value the person changed: theirs stands; the base is what they saw where others changed it too. */
function applyValue(record: Doc, before: Doc, key: string, seen: unknown, mine: unknown, now: unknown, latest: boolean): void {
	record[key] = mine;
	if (!latest && !sameValue(now, seen)) before[key] = seen;
}

/**
 * Moves an edit made on a screen loaded with `basedOn` onto `current`, the record as it is now on
 * the device (a pull may have landed a colleague's change meanwhile). Only the fields the person
 * changed relative to `basedOn` are applied; every other field keeps its current value. Objects
 * merged key by key (a checklist's answers) are rebased key by key, lists of ids as sets.
 */
export function rebaseEdit(basedOn: DomainRecord, edited: DomainRecord, current: DomainRecord): RebasedEdit {
	const seen = basedOn as unknown as Doc;
	const mine = edited as unknown as Doc;
	const now = current as unknown as Doc;
	const rules = MERGE_HINTS[edited.type].fields;
	const record: Doc = { ...now };
	const before: Doc = { ...now };
	for (const field of new Set([...Object.keys(seen), ...Object.keys(mine)])) {
		if (sameValue(seen[field], mine[field])) continue;
		const rule = rules[field];
		if (rule === 'union') record[field] = unionEdit(seen[field], mine[field], now[field]);
		else if (rule === 'by-key' && isPlainObject(seen[field]) && isPlainObject(mine[field]) && isPlainObject(now[field])) {
			const seenKeys = seen[field] as Doc;
			const mineKeys = mine[field] as Doc;
			const nowKeys = now[field] as Doc;
			const merged: Doc = { ...nowKeys };
			const base: Doc = { ...nowKeys };
			for (const key of new Set([...Object.keys(seenKeys), ...Object.keys(mineKeys)])) {
				if (!sameValue(seenKeys[key], mineKeys[key])) applyValue(merged, base, key, seenKeys[key], mineKeys[key], nowKeys[key], false);
			}
			record[field] = compact(merged);
			before[field] = compact(base);
		} else applyValue(record, before, field, seen[field], mine[field], now[field], rule === 'latest');
	}
	return { record: compact(record) as unknown as DomainRecord, before: compact(before) as unknown as DomainRecord };
}
