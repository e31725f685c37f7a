import { describe, expect, it } from 'vitest';
import { HOLDS_PER_CASE, type PullRequest } from '../protocol/sync-pull.js';
import { holdsAsStored, withHolds } from './held-versions.js';

const question: PullRequest = { deviceId: 'tablet-0001', cases: [{ caseId: 'case-0001-abcd', checkpoint: 'v1.abcdefgh' }, { caseId: 'case-0002-abcd' }], service: { checkpoint: 'v1.zzzzzzzz' } };
const doc = (caseId: string, id: string) => `case:${caseId}:participant:${id}`;

describe('naming what the push stored in the pull question', () => {
	it('adds each record to its own case, the last revision of each only', () => {
		const asked = withHolds(question, [
			{ docId: doc('case-0001-abcd', 'p-1'), rev: '2-a', caseId: 'case-0001-abcd' },
			{ docId: doc('case-0002-abcd', 'p-2'), rev: '5-b', caseId: 'case-0002-abcd' },
			{ docId: doc('case-0001-abcd', 'p-1'), rev: '3-c', caseId: 'case-0001-abcd' }
		]);
		expect(asked.cases).toEqual([
			{ caseId: 'case-0001-abcd', checkpoint: 'v1.abcdefgh', holds: [{ docId: doc('case-0001-abcd', 'p-1'), rev: '3-c' }] },
			{ caseId: 'case-0002-abcd', holds: [{ docId: doc('case-0002-abcd', 'p-2'), rev: '5-b' }] }
		]);
		expect(asked.service).toEqual({ checkpoint: 'v1.zzzzzzzz' });
	});

	it('names a service-wide record only when the question asks for service-wide records', () => {
		const professional = { docId: 'professional:pro-1', rev: '1-a' };
		expect(withHolds(question, [professional]).service).toEqual({ checkpoint: 'v1.zzzzzzzz', holds: [professional] });
		const { service: _, ...casesOnly } = question;
		expect(withHolds(casesOnly, [professional])).toEqual(casesOnly);
	});

	it('leaves out a case the question does not list, and keeps to the limit a case allows', () => {
		const many = Array.from({ length: HOLDS_PER_CASE + 5 }, (_, i) => ({ docId: doc('case-0002-abcd', `p-${i}`), rev: '1-a', caseId: 'case-0002-abcd' }));
		const asked = withHolds(question, [...many, { docId: doc('case-0009-abcd', 'p-1'), rev: '1-a', caseId: 'case-0009-abcd' }]);
		expect(asked.cases.map((c) => c.caseId)).toEqual(['case-0001-abcd', 'case-0002-abcd']);
		expect(asked.cases[1]!.holds).toHaveLength(HOLDS_PER_CASE);
		expect(asked.cases[1]!.holds!.at(-1)).toEqual({ docId: doc('case-0002-abcd', `p-${HOLDS_PER_CASE + 4}`), rev: '1-a' });
	});

	it('counts a change applied as sent or merged as held, but not a duplicate, whose values the tablet may not have', () => {
		const acknowledged = { mutationId: 'm-1', rev: '2-a' };
		expect(holdsAsStored({ status: 'applied', ...acknowledged })).toBe(true);
		expect(holdsAsStored({ status: 'merged', ...acknowledged, record: {}, conflicts: [] })).toBe(true);
		expect(holdsAsStored({ status: 'duplicate', ...acknowledged })).toBe(false);
		expect(holdsAsStored({ status: 'filed', mutationId: 'm-1', code: 'case-not-accessible' })).toBe(false);
	});
});
