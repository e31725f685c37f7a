import { describe, expect, it } from 'vitest';
import type { PracticeEntryRequest } from './practice-record.js';
import { practiceReport, type PracticeReportPerson } from './practice-report.js';
import { DEFAULT_PRACTICE_SETTINGS as SETTINGS } from './practice-settings.js';

const supervision = (date: string): PracticeEntryRequest => ({ kind: 'supervision', date, supervisor: 'Sam Senior', caseReferences: [], notes: '' });
const training = (date: string, hours: number): PracticeEntryRequest => ({ kind: 'training', date, title: 'Working with harm', hours, provider: 'RJC' });
const person = (displayName: string, startedOn: string, entries: PracticeEntryRequest[]): PracticeReportPerson => ({ userId: displayName.toLowerCase(), displayName, startedOn, entries });

const FROM = '2026-01-01';
const TO = '2026-06-30';

describe('the practice report', () => {
	it('counts a facilitator supervised every 12 weeks through the period as within the interval', () => {
		const report = practiceReport([person('Ann', '2024-01-01', [supervision('2025-12-01'), supervision('2026-02-20'), supervision('2026-05-10')])], SETTINGS, FROM, TO, '2026-07-15');
		expect(report.rows[0]).toMatchObject({ supervisions: 2, supervisedWithinInterval: true });
		expect(report.supervisedShare).toBe(1);
	});

	it('does not count someone whose one session came late, even though they are in date at the end', () => {
		// Due 2026-02-23 after the December session; seen 2026-03-10.
		const report = practiceReport([person('Bob', '2024-01-01', [supervision('2025-12-01'), supervision('2026-03-10'), supervision('2026-05-20')])], SETTINGS, FROM, TO, '2026-07-15');
		expect(report.rows[0]?.supervisedWithinInterval).toBe(false);
	});

	it('does not count someone overdue by the end of the period', () => {
		const report = practiceReport([person('Cat', '2024-01-01', [supervision('2025-12-01'), supervision('2026-02-20')])], SETTINGS, FROM, TO, '2026-07-15');
		expect(report.rows[0]?.supervisedWithinInterval).toBe(false);
	});

	it('judges a period still running only up to today', () => {
		const report = practiceReport([person('Cat', '2024-01-01', [supervision('2025-12-01'), supervision('2026-02-20')])], SETTINGS, FROM, TO, '2026-04-01');
		expect(report.rows[0]?.supervisedWithinInterval).toBe(true);
	});

	it('counts a new starter from the day they started, and leaves out one who started after the period', () => {
		const report = practiceReport([person('Dee', '2026-05-01', []), person('Eve', '2026-08-01', [])], SETTINGS, FROM, TO, '2026-07-15');
		expect(report.rows.map((r) => [r.displayName, r.supervisedWithinInterval])).toEqual([['Dee', true]]);
	});

	it('adds up CPD hours inside the period only, per facilitator and for the service', () => {
		const report = practiceReport(
			[person('Ann', '2024-01-01', [training('2025-12-31', 7), training('2026-01-01', 3.5), training('2026-06-30', 2)]), person('Bob', '2024-01-01', [training('2026-03-01', 6)])],
			SETTINGS, FROM, TO, '2026-07-15'
		);
		expect(report.rows.map((r) => [r.displayName, r.cpdHours, r.cpdEntries])).toEqual([['Ann', 5.5, 2], ['Bob', 6, 1]]);
		expect(report.cpdHours).toBe(11.5);
	});

	it('gives a share of half when one of two facilitators was supervised within the interval', () => {
		const report = practiceReport([person('Ann', '2024-01-01', [supervision('2025-12-20'), supervision('2026-03-01'), supervision('2026-05-20')]), person('Bob', '2024-01-01', [])], SETTINGS, FROM, TO, '2026-07-15');
		expect([report.facilitators, report.supervisedWithinInterval, report.supervisedShare]).toEqual([2, 1, 0.5]);
	});

	it('has no share when there is nobody to count', () => {
		expect(practiceReport([], SETTINGS, FROM, TO, '2026-07-15').supervisedShare).toBeNull();
	});
});
