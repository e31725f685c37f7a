import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRuleOf } from '../../domain/merge-hints.js';
import type { RecordType } from '../../domain/records.js';
import { exampleRecords } from '../../domain/record-fixtures.js';
import { findConflict, valueAtPath } from './conflicts.js';
import { mergeRecord, type MergeResult } from './merge-record.js';
import { canonical, isPlainObject, sameValue, type Doc } from './values.js';

type Merged = Extract<MergeResult, { ok: true }>;

const answer = fc.constantFrom('yes', 'no').map((a) => ({ answer: a, narrative: '', source: '', mitigation: '' }));
const optional = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

/** Edits drawn from small pools, so that both sides often touch the same field and collide. */
const edits: Partial<Record<RecordType, fc.Arbitrary<Record<string, unknown>>>> = {
	case: fc.record(
		{ stage: fc.constantFrom('assessment', 'preparation', 'meeting'), exitNote: optional(['A', 'B']), coordinatorId: fc.constantFrom('u-1', 'u-2'), updatedAt: fc.constantFrom('2026-10-02T09:00:00.000Z', '2026-10-03T09:00:00.000Z') },
		{ requiredKeys: [] }
	),
	meeting: fc.record(
		{ supporterIds: fc.subarray(['s-1', 's-2', 's-3', 's-4']), plan: fc.constantFrom('', 'P1', 'P2'), venue: fc.record({ kind: fc.constantFrom('other', 'community-venue'), name: fc.constantFrom('Hall', 'Room') }) },
		{ requiredKeys: [] }
	),
	'risk-assessment': fc.record(
		{ status: fc.constantFrom('draft', 'completed'), answers: fc.dictionary(fc.constantFrom('a.one', 'a.two', 'b.one'), answer) },
		{ requiredKeys: [] }
	)
};

const scenario = fc.constantFrom(...(Object.keys(edits) as RecordType[])).chain((type) =>
	fc.tuple(fc.constant(type), edits[type]!, edits[type]!).map(([t, l, r]) => {
		const ancestor = (exampleRecords as Record<string, () => Doc>)[t]!();
		return { ancestor, local: { ...ancestor, ...l }, remote: { ...ancestor, ...r } };
	})
);

/** Every value at a path the merge kept: in the record, or in that path's conflict. */
function kept(result: Merged, path: string[]): unknown[] {
	const conflict = findConflict(result.conflicts, path);
	return [valueAtPath(result.record, path), ...(conflict?.values.map((v) => v.value) ?? [])];
}

function pathsOf(doc: Doc, field: string, rule: string): string[][] {
	return rule === 'by-key' && isPlainObject(doc[field]) ? Object.keys(doc[field]).map((key) => [field, key]) : [[field]];
}

const asSet = (values: unknown[]) => [...new Set(values.map(canonical))].sort();

function merged(input: Parameters<typeof mergeRecord>[0]): Merged {
	const result = mergeRecord(input);
	if (!result.ok) throw new Error(`refused: ${result.fields.join(', ')}`);
	return result;
}

describe('mergeRecord, for any edits on either side', () => {
	it('never loses a value either side wrote: each is in the record or in a conflict', () => {
		fc.assert(
			fc.property(scenario, ({ ancestor, local, remote }) => {
				const result = merged({ ancestor, local, remote });
				const type = ancestor.type as RecordType;
				for (const side of [local, remote]) {
					for (const field of Object.keys(side)) {
						const rule = mergeRuleOf(type, field, ancestor) ?? 'field';
						if (rule === 'latest' || sameValue(side[field], ancestor[field])) continue;
						if (rule === 'union') {
							const was = ancestor[field] as unknown[];
							const now = side[field] as unknown[];
							for (const id of now.filter((x) => !was.includes(x))) expect(result.record[field]).toContain(id);
							for (const id of was.filter((x) => !now.includes(x))) expect(result.record[field]).not.toContain(id);
							continue;
						}
						for (const path of [...pathsOf(side, field, rule), ...pathsOf(ancestor, field, rule)]) {
							const value = valueAtPath(side, path);
							if (!sameValue(value, valueAtPath(ancestor, path))) expect(kept(result, path).some((k) => sameValue(k, value))).toBe(true);
						}
					}
				}
			})
		);
	});

	it('keeps the same values whichever side is local', () => {
		fc.assert(
			fc.property(scenario, ({ ancestor, local, remote }) => {
				const one = merged({ ancestor, local, remote });
				const other = merged({ ancestor, local: remote, remote: local });
				expect(asSet(one.conflicts.map((c) => JSON.stringify(c.path)))).toEqual(asSet(other.conflicts.map((c) => JSON.stringify(c.path))));
				for (const field of new Set([...Object.keys(one.record), ...Object.keys(other.record)])) {
					const rule = mergeRuleOf(ancestor.type as RecordType, field, ancestor) ?? 'field';
					for (const path of [...pathsOf(one.record, field, rule), ...pathsOf(other.record, field, rule)]) {
						const [a, b] = [kept(one, path), kept(other, path)];
						const sets = rule === 'union' ? [a.flat(), b.flat()] : [a, b];
						expect(asSet(sets[0]!)).toEqual(asSet(sets[1]!));
					}
				}
			})
		);
	});

	it('changes nothing when merged again with either side', () => {
		fc.assert(
			fc.property(scenario, ({ ancestor, local, remote }) => {
				const once = merged({ ancestor, local, remote });
				for (const side of [local, remote, once.record]) {
					const again = merged({ ancestor, local: once.record, remote: side, conflicts: { local: once.conflicts } });
					expect(again).toEqual(once);
				}
			})
		);
	});
});
