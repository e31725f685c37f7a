import { describe, expect, it } from 'vitest';
import { parseCaseRecord, type CaseRecord } from './case-record.js';
import { caseChildDocId, caseDocId } from './ids.js';
import { exampleRecords } from './record-fixtures.js';
import { addMonths, DEFAULT_RETENTION_POLICY, parseRetentionPolicy } from './retention-policy.js';
import { anonymisedCase, dueInCase, dueReferral, type RangeDoc } from './retention-rules.js';

const CASE = 'case-0001-abcd';
const closedOn = (exitDate: string, exitReason = 'completed'): CaseRecord => {
	const parsed = parseCaseRecord({ ...exampleRecords.case(), stage: 'closed', status: 'closed', exitReason, exitDate, exitNote: 'Sam chose to stop.' });
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.value;
};
const rangeOf = (record: CaseRecord): RangeDoc[] => [
	{ docId: caseDocId(CASE), doc: record as unknown as Record<string, unknown> },
	{ docId: caseChildDocId(CASE, 'participant', 'participant-pr-0001'), doc: exampleRecords.participant() },
	{ docId: caseChildDocId(CASE, 'case-note', 'note-0001-abcd'), doc: exampleRecords['case-note']() },
	{ docId: caseChildDocId(CASE, 'feedback', 'feedback-0001'), doc: exampleRecords.feedback() },
	{ docId: caseChildDocId(CASE, 'conflicts', 'case-note:note-0001-abcd'), doc: { type: 'conflicts', entries: [] } }
];

describe('the retention rules', () => {
	it('keep a completed case until its period after closure is over, then list every record and anonymise the case', () => {
		const record = closedOn('2020-01-15T10:00:00.000Z');
		expect(dueInCase(record, rangeOf(record), DEFAULT_RETENTION_POLICY, new Date('2026-01-15T09:59:59.000Z'))).toEqual([]);
		const due = dueInCase(record, rangeOf(record), DEFAULT_RETENTION_POLICY, new Date('2026-01-15T10:00:00.000Z'));
		expect(due.map((item) => [item.kind, item.action])).toEqual([
			['participant', 'delete'],
			['case-note', 'delete'],
			['feedback', 'delete'],
			['case', 'anonymise']
		]);
		expect(due[0]).toMatchObject({ reference: 'RJ-2026-0042', rule: 'closed-case:completed', dueSince: '2026-01-15T10:00:00.000Z' });
		expect(due[0]!.why).toBe('Closed (completed) on 2020-01-15; closed cases like this are kept 72 months');
	});

	it('delete the case record too when the policy for that outcome says delete', () => {
		const record = closedOn('2025-01-01T00:00:00.000Z', 'unable-to-contact');
		const due = dueInCase(record, rangeOf(record), DEFAULT_RETENTION_POLICY, new Date('2026-01-01T00:00:00.000Z'));
		expect(due.at(-1)).toMatchObject({ docId: caseDocId(CASE), kind: 'case', action: 'delete' });
	});

	it('list nothing for an anonymised case with no records left, so a second run does nothing', () => {
		const record = anonymisedCase(closedOn('2019-01-01T00:00:00.000Z'));
		expect(record).not.toHaveProperty('exitNote');
		expect(record.stage).toBe('closed');
		expect(dueInCase(record, [{ docId: caseDocId(CASE), doc: record as unknown as Record<string, unknown> }], DEFAULT_RETENTION_POLICY, new Date('2027-01-01T00:00:00.000Z'))).toEqual([]);
	});

	it('remove feedback past its own period from an open case and leave the rest', () => {
		const record = parseCaseRecord(exampleRecords.case());
		if (!record.ok) throw new Error('fixture');
		const due = dueInCase(record.value, rangeOf(record.value), DEFAULT_RETENTION_POLICY, new Date('2028-10-01T09:00:00.000Z'));
		expect(due).toEqual([expect.objectContaining({ kind: 'feedback', action: 'delete', rule: 'feedback' })]);
		expect(dueInCase(record.value, rangeOf(record.value), DEFAULT_RETENTION_POLICY, new Date('2028-09-30T09:00:00.000Z'))).toEqual([]);
	});

	it('remove a declined referral after its period, and never one that became a case', () => {
		const declined = { docId: 'referral:r1', reference: 'SR-7KQ2', status: 'declined', decision: { at: '2026-01-31T12:00:00.000Z' } };
		expect(dueReferral(declined, DEFAULT_RETENTION_POLICY, new Date('2026-07-30T12:00:00.000Z'))).toBeUndefined();
		expect(dueReferral(declined, DEFAULT_RETENTION_POLICY, new Date('2026-07-31T12:00:00.000Z'))).toMatchObject({ kind: 'referral', rule: 'declined-referral' });
		expect(dueReferral({ ...declined, status: 'accepted' }, DEFAULT_RETENTION_POLICY, new Date('2030-01-01T00:00:00.000Z'))).toBeUndefined();
	});

	it('count months by the calendar, ending a short month on its last day', () => {
		expect(addMonths('2026-01-31T12:00:00.000Z', 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
		expect(addMonths('2024-02-29T00:00:00.000Z', 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
	});
});

describe('a retention policy', () => {
	it('is refused with the field named when a period is not a whole number of months', () => {
		const bad = { ...DEFAULT_RETENTION_POLICY, closedCases: { ...DEFAULT_RETENTION_POLICY.closedCases, completed: { months: 0.5, action: 'delete' } } };
		const parsed = parseRetentionPolicy(bad);
		expect(parsed).toEqual({ ok: false, problems: [{ path: 'closedCases.completed.months', message: 'Use a whole number of months' }] });
	});

	it('names a missing outcome and a period too long', () => {
		const rest: Record<string, unknown> = { ...DEFAULT_RETENTION_POLICY.closedCases };
		delete rest.completed;
		const parsed = parseRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, closedCases: rest, feedbackMonths: 24 });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain('closedCases.completed');
		const tooLong = parseRetentionPolicy({ ...DEFAULT_RETENTION_POLICY, feedbackMonths: 2000 });
		expect(tooLong).toEqual({ ok: false, problems: [{ path: 'feedbackMonths', message: 'Keep it for at most 1200 months' }] });
	});
});
