import { describe, expect, it } from 'vitest';
import { overdueForAllocation, practiceStanding } from './practice-due.js';
import type { PracticeEntryRequest } from './practice-record.js';
import { DEFAULT_PRACTICE_SETTINGS as SETTINGS } from './practice-settings.js';

const supervision = (date: string, nextDue?: string): PracticeEntryRequest => ({ kind: 'supervision', date, supervisor: 'Sam Senior', caseReferences: [], notes: '', ...(nextDue ? { nextDue } : {}) });
const observation = (date: string): PracticeEntryRequest => ({ kind: 'observation', date, observer: 'Olu Observer', outcome: 'met-standard', notes: '' });
const accreditation = (renewal: string): PracticeEntryRequest => ({ kind: 'accreditation', body: 'Restorative Justice Council', awarded: '2025-01-10', renewal });
const STARTED_LONG_AGO = '2024-01-01';

describe('supervision due dates', () => {
	it('are due 12 weeks after the last session when the service uses the default interval', () => {
		expect(practiceStanding([supervision('2026-01-05')], STARTED_LONG_AGO, SETTINGS, '2026-02-01').supervision).toEqual({ status: 'in-date', dueOn: '2026-03-30', last: '2026-01-05' });
	});

	it('are due today, not overdue, on the day the interval ends', () => {
		expect(practiceStanding([supervision('2026-01-05')], STARTED_LONG_AGO, SETTINGS, '2026-03-30').supervision.status).toBe('due-today');
	});

	it('are overdue the day after the interval ends', () => {
		expect(practiceStanding([supervision('2026-01-05')], STARTED_LONG_AGO, SETTINGS, '2026-03-31').supervision.status).toBe('overdue');
	});

	it('follow the next-due date the supervisor set, sooner or later than the interval', () => {
		expect(practiceStanding([supervision('2026-01-05', '2026-02-02')], STARTED_LONG_AGO, SETTINGS, '2026-02-03').supervision).toMatchObject({ status: 'overdue', dueOn: '2026-02-02' });
		expect(practiceStanding([supervision('2026-01-05', '2026-05-01')], STARTED_LONG_AGO, SETTINGS, '2026-04-15').supervision.status).toBe('in-date');
	});

	it('count from the latest session, whatever order they were recorded in', () => {
		const standing = practiceStanding([supervision('2026-03-01'), supervision('2025-10-01')], STARTED_LONG_AGO, SETTINGS, '2026-04-01');
		expect(standing.supervision).toMatchObject({ status: 'in-date', last: '2026-03-01' });
	});

	it('follow the service setting for the interval', () => {
		const everyFourWeeks = { ...SETTINGS, supervisionIntervalWeeks: 4 };
		expect(practiceStanding([supervision('2026-01-05')], STARTED_LONG_AGO, everyFourWeeks, '2026-02-03').supervision).toMatchObject({ status: 'overdue', dueOn: '2026-02-02' });
	});

	it('make someone never supervised overdue once a whole interval has passed since they started', () => {
		expect(practiceStanding([], STARTED_LONG_AGO, SETTINGS, '2026-01-01').supervision).toEqual({ status: 'overdue', dueOn: '2024-03-25' });
	});

	it('give a new starter one interval before their first supervision is due', () => {
		expect(practiceStanding([], '2026-01-05', SETTINGS, '2026-01-05').supervision).toEqual({ status: 'in-date', dueOn: '2026-03-30' });
		expect(practiceStanding([], '2026-01-05', SETTINGS, '2026-03-30').supervision.status).toBe('due-today');
		expect(practiceStanding([], '2026-01-05', SETTINGS, '2026-03-31').supervision.status).toBe('overdue');
	});
});

describe('observation due dates', () => {
	it('are due a year after the last observation, and overdue the day after', () => {
		const entries = [observation('2025-06-30')];
		expect(practiceStanding(entries, STARTED_LONG_AGO, SETTINGS, '2026-06-30').observation).toEqual({ status: 'due-today', dueOn: '2026-06-30', last: '2025-06-30' });
		expect(practiceStanding(entries, STARTED_LONG_AGO, SETTINGS, '2026-07-01').observation.status).toBe('overdue');
	});

	it('give a new starter a year before their first observation', () => {
		expect(practiceStanding([], '2026-02-10', SETTINGS, '2027-02-10').observation).toEqual({ status: 'due-today', dueOn: '2027-02-10' });
	});
});

describe('accreditation renewal', () => {
	it('says when none is recorded', () => {
		expect(practiceStanding([], STARTED_LONG_AGO, SETTINGS, '2026-01-01').accreditation).toEqual({ status: 'none' });
	});

	it('is current until the warning period, then renewal-soon up to and including the renewal date, then expired', () => {
		const entries = [accreditation('2026-06-30')];
		const on = (today: string) => practiceStanding(entries, STARTED_LONG_AGO, SETTINGS, today).accreditation.status;
		expect(on('2026-04-30')).toBe('current');
		expect(on('2026-05-01')).toBe('renewal-soon');
		expect(on('2026-06-30')).toBe('renewal-soon');
		expect(on('2026-07-01')).toBe('expired');
	});
});

describe('what allocation warns about', () => {
	it('lists supervision and observation when both are overdue, and nothing for accreditation', () => {
		const standing = practiceStanding([accreditation('2025-02-01')], STARTED_LONG_AGO, SETTINGS, '2026-01-01');
		expect(overdueForAllocation(standing)).toEqual([{ what: 'supervision', dueOn: '2024-03-25' }, { what: 'observation', dueOn: '2025-01-01' }]);
	});

	it('lists nothing for a new starter', () => {
		expect(overdueForAllocation(practiceStanding([], '2026-01-01', SETTINGS, '2026-01-01'))).toEqual([]);
	});
});
