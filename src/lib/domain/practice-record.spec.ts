import { describe, expect, it } from 'vitest';
import { practiceEntryProblems, practiceEntryRequestSchema } from './practice-record.js';
import { validate } from './validation.js';

const TODAY = '2026-04-01';

describe('practice entries', () => {
	it('accept a supervision with the cases discussed by reference', () => {
		const result = validate(practiceEntryRequestSchema, { kind: 'supervision', date: '2026-03-31', supervisor: ' Sam Senior ', caseReferences: ['RJ-2026-0101'], notes: '' });
		expect(result).toMatchObject({ ok: true, value: { supervisor: 'Sam Senior', caseReferences: ['RJ-2026-0101'] } });
	});

	it('name the field when a case reference or the hours are wrong', () => {
		expect(validate(practiceEntryRequestSchema, { kind: 'supervision', date: '2026-03-31', supervisor: 'Sam', caseReferences: ['Jo Bloggs'], notes: '' })).toEqual({
			ok: false, problems: [{ path: 'caseReferences.0', message: 'Use a case reference like RJ-2026-0042' }]
		});
		expect(validate(practiceEntryRequestSchema, { kind: 'training', date: '2026-03-31', title: 'Harm', hours: 0, provider: 'RJC' })).toEqual({
			ok: false, problems: [{ path: 'hours', message: 'Enter at least half an hour' }]
		});
	});

	it('refuse a session dated in the future, but allow one today', () => {
		const entry = { kind: 'observation' as const, date: '2026-04-02', observer: 'Olu', outcome: 'met-standard' as const, notes: '' };
		expect(practiceEntryProblems(entry, TODAY)).toEqual([{ path: 'date', message: 'The date cannot be in the future' }]);
		expect(practiceEntryProblems({ ...entry, date: TODAY }, TODAY)).toEqual([]);
	});

	it('refuse a next-due date on or before the session, and a renewal on or before the award', () => {
		expect(practiceEntryProblems({ kind: 'supervision', date: '2026-03-01', supervisor: 'Sam', caseReferences: [], notes: '', nextDue: '2026-03-01' }, TODAY)).toEqual([
			{ path: 'nextDue', message: 'The next supervision must be due after this one' }
		]);
		expect(practiceEntryProblems({ kind: 'accreditation', body: 'RJC', awarded: '2026-03-01', renewal: '2026-02-01' }, TODAY)).toEqual([
			{ path: 'renewal', message: 'The renewal date must come after the award date' }
		]);
	});
});
