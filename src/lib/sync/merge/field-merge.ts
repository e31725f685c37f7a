import type { FieldMerge } from '../../domain/merge-hints.js';
import { canonical, compact, distinct, isPlainObject, sameValue } from './values.js';

/** The three versions of one value; undefined means absent. */
export interface Sides {
	ancestor: unknown;
	local: unknown;
	remote: unknown;
}

/** A value both sides changed differently: both are reported, the local one stays in the record. */
export interface Collision extends Sides {
	path: string[];
}

/**
 * `pinned`: the side that froze the document (completed, sent). A change the other side made
 * without seeing that is kept as a collision rather than applied to a frozen record.
 */
export type Pinned = 'local' | 'remote' | undefined;

export type FieldOutcome = { refused: true } | { refused: false; value: unknown; collisions: Collision[] };

type Kept = Extract<FieldOutcome, { refused: false }>;

const keep = (value: unknown, collisions: Collision[] = []): Kept => ({ refused: false, value, collisions });

function threeWay(path: string[], sides: Sides, pinned: Pinned): Kept {
	const { ancestor, local, remote } = sides;
	if (sameValue(local, remote)) return keep(local);
	if (sameValue(ancestor, local) && pinned !== 'local') return keep(remote);
	if (sameValue(ancestor, remote) && pinned !== 'remote') return keep(local);
	return keep(pinned === 'remote' ? remote : local, [{ path, ...sides }]);
}

/** Bookkeeping: the later moment, or the higher number. A total order, so both sides agree. */
function latest({ local, remote }: Sides): FieldOutcome {
	if (local === undefined || remote === undefined) return keep(local ?? remote);
	if (typeof local === 'number' && typeof remote === 'number') return keep(Math.max(local, remote));
	const [l, r] = [Date.parse(String(local)), Date.parse(String(remote))];
	if (typeof local === 'string' && typeof remote === 'string' && !Number.isNaN(l) && !Number.isNaN(r) && l !== r) return keep(l > r ? local : remote);
	return keep(canonical(local) >= canonical(remote) ? local : remote);
}

/** Ids added on either side are kept; ids removed on either side go. */
function union(path: string[], sides: Sides, pinned: Pinned): FieldOutcome {
	const { ancestor, local, remote } = sides;
	const listOrNone = (value: unknown) => value === undefined || Array.isArray(value);
	if (pinned || !listOrNone(ancestor) || !listOrNone(local) || !listOrNone(remote)) return threeWay(path, sides, pinned);
	if (local === undefined && remote === undefined) return keep(undefined);
	const [a, l, r] = [ancestor, local, remote].map((list) => (list ?? []) as unknown[]) as [unknown[], unknown[], unknown[]];
	const has = (list: unknown[], item: unknown) => list.some((x) => sameValue(x, item));
	const removed = a.filter((item) => !has(l, item) || !has(r, item));
	return keep(distinct([...l, ...r]).filter((item) => !has(removed, item)));
}

/** An object merged key by key, each key three-way like a field. */
function byKey(path: string[], sides: Sides, pinned: Pinned): FieldOutcome {
	const { ancestor, local, remote } = sides;
	const objectOrNone = (value: unknown) => value === undefined || isPlainObject(value);
	if (!objectOrNone(ancestor) || !objectOrNone(local) || !objectOrNone(remote)) return threeWay(path, sides, pinned);
	if (local === undefined && remote === undefined) return keep(undefined);
	const [a, l, r] = [ancestor, local, remote].map((o) => (o ?? {}) as Record<string, unknown>) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
	const merged: Record<string, unknown> = {};
	const collisions: Collision[] = [];
	for (const key of new Set([...Object.keys(a), ...Object.keys(l), ...Object.keys(r)])) {
		const outcome = threeWay([...path, key], { ancestor: a[key], local: l[key], remote: r[key] }, pinned);
		merged[key] = outcome.value;
		collisions.push(...outcome.collisions);
	}
	return keep(compact(merged), collisions);
}

/**
 * Merges one top-level field by its rule. `created`: there is no ancestor document (both sides
 * made the record), so an immutable field need only agree.
 */
export function mergeField(rule: FieldMerge, field: string, sides: Sides, pinned: Pinned, created: boolean): FieldOutcome {
	const path = [field];
	switch (rule) {
		case 'immutable': {
			const unchanged = created ? sameValue(sides.local, sides.remote) : sameValue(sides.ancestor, sides.local) && sameValue(sides.ancestor, sides.remote);
			return unchanged ? keep(sides.local) : { refused: true };
		}
		case 'latest':
			return latest(sides);
		case 'union':
			return union(path, sides, pinned);
		case 'by-key':
			return byKey(path, sides, pinned);
		case 'field':
			return threeWay(path, sides, pinned);
	}
}
