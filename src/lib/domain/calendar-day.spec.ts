import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatDay } from './calendar-day.js';

describe('calendar days', () => {
	it('adds 12 weeks across the clocks going forward without losing a day', () => {
		expect(addDays('2026-03-01', 84)).toBe('2026-05-24');
	});

	it('adds a month to the 31st of January, landing on the last day of February', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
	});

	it('adds twelve months to a leap day, landing on 28 February', () => {
		expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
	});

	it('counts days between two dates, negative when the second comes first', () => {
		expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
		expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
	});

	it('writes a date the way people in the UK read it', () => {
		expect(formatDay('2026-03-03')).toBe('3 March 2026');
	});
});
