import type { Table } from 'dexie';
import { caseDocId } from '../domain/ids.js';

/** Above every character an id holds: ids are ASCII. */
const TOP = '\uffff';

/**
 * A case's rows by primary key, the document id: the case itself (`case:<id>`) and its children
 * (`case:<id>:…`). Not one range, since `case:<id>-2…` sorts between the two and is another case.
 * Rows keyed this way need no `caseId` index, which every write would pay for.
 */
function caseKeys(caseId: string): { doc: string; children: readonly [string, string] } {
	const doc = caseDocId(caseId);
	return { doc, children: [`${doc}:`, `${doc}:${TOP}`] };
}

/** The key intervals a case's rows fill, lowest first: the case document and its children. */
export function caseIntervals(caseId: string): [string, string][] {
	const { doc, children } = caseKeys(caseId);
	return [[doc, doc], [children[0], children[1]]];
}

/** The case a case row's key belongs to: `case:<id>` or `case:<id>:…` (case ids hold no colon). */
export function caseOfKey(key: string): string {
	return key.slice('case:'.length).split(':')[0]!;
}

/** Every case's rows lie strictly between these two keys. */
export const ALL_CASES: readonly [string, string] = ['case:', 'case;'];

/**
 * The open intervals of (lower, upper) that none of `filled` covers: where rows of other cases
 * may lie. `filled` are closed intervals, in any order, possibly nested or overlapping.
 */
export function gapsBetween(lower: string, upper: string, filled: readonly [string, string][]): [string, string][] {
	const gaps: [string, string][] = [];
	let from = lower;
	for (const [start, end] of [...filled].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (end <= from) continue;
		if (start >= upper) break;
		if (start > from) gaps.push([from, start]);
		from = end;
	}
	if (from < upper) gaps.push([from, upper]);
	return gaps;
}

/** A Dexie table keyed by document id. */
type KeyedTable<T> = Table<T, string, unknown>;

/** A case's rows, the case first: two reads by primary key, which Dexie answers with `getAll`. */
export async function caseRows<T>(table: KeyedTable<T>, caseId: string): Promise<T[]> {
	const { doc, children } = caseKeys(caseId);
	const [own, rest] = await Promise.all([table.get(doc), table.where(':id').between(children[0], children[1]).toArray()]);
	return own ? [own, ...rest] : rest;
}

/** Deletes a case's rows (call inside the transaction that decides it may). */
export async function deleteCaseRows<T>(table: KeyedTable<T>, caseId: string): Promise<void> {
	const { doc, children } = caseKeys(caseId);
	await Promise.all([table.delete(doc), table.where(':id').between(children[0], children[1]).delete()]);
}
