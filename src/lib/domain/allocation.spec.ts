import { describe, expect, it } from 'vitest';
import { allocationWarnings, type AllocationInput } from './allocation.js';

const base: AllocationInput = {
	chosen: ['ann', 'bob'],
	current: [],
	facilitators: [
		{ id: 'ann', displayName: 'Ann', caseload: 3 },
		{ id: 'bob', displayName: 'Bob', caseload: 8 }
	],
	conflicts: [],
	caseloadLimit: 8,
	facilitatorsPerCase: 2
};

describe('allocation warnings', () => {
	it('say nothing when two facilitators with room and no conflict are chosen', () => {
		expect(allocationWarnings({ ...base, current: ['bob'] })).toEqual([]);
	});

	it('warn when fewer than two facilitators are chosen', () => {
		expect(allocationWarnings({ ...base, chosen: ['ann'] }).map((w) => w.message)).toEqual(['Only one facilitator is assigned. This service works each case with two facilitators.']);
		expect(allocationWarnings({ ...base, chosen: [] })[0]?.message).toMatch(/^No facilitator is assigned/);
	});

	it('warn about a facilitator with a conflict of interest recorded for the case', () => {
		expect(allocationWarnings({ ...base, current: ['bob'], conflicts: ['ann'] })).toEqual([
			{ code: 'conflict-of-interest', userId: 'ann', message: 'Ann has a conflict of interest recorded for this case.' }
		]);
	});

	it('warn when a newly chosen facilitator would go over the caseload limit, counting this case once', () => {
		expect(allocationWarnings(base)).toEqual([{ code: 'over-caseload', userId: 'bob', message: 'Bob would have 9 open cases, over the limit of 8.' }]);
	});

	it('say a facilitator already on the case has that many cases, without counting it twice', () => {
		expect(allocationWarnings({ ...base, current: ['bob'], caseloadLimit: 7 })).toEqual([{ code: 'over-caseload', userId: 'bob', message: 'Bob has 8 open cases, over the limit of 7.' }]);
	});
});

describe('allocation warnings about practice', () => {
	const overdueAnn: AllocationInput = {
		...base,
		current: ['bob'],
		facilitators: [{ id: 'ann', displayName: 'Ann', caseload: 3, overduePractice: [{ what: 'supervision', dueOn: '2026-03-03' }, { what: 'observation', dueOn: '2026-01-31' }] }, base.facilitators[1]!]
	};

	it('warn, naming the due dates, when a chosen facilitator is overdue for supervision or observation', () => {
		expect(allocationWarnings(overdueAnn)).toEqual([
			{ code: 'practice-overdue', userId: 'ann', message: 'Ann is overdue for supervision (due 3 March 2026) and observation (due 31 January 2026).' }
		]);
	});

	it('say nothing about an overdue facilitator who is not chosen', () => {
		expect(allocationWarnings({ ...overdueAnn, chosen: ['bob'], facilitatorsPerCase: 1 })).toEqual([]);
	});
});
