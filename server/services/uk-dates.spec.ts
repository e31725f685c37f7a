import { describe, expect, it } from 'vitest';
import { ukDate, ukDateTime } from './uk-dates.js';

describe('UK dates', () => {
	it('writes a moment as the day and time it was in the UK, in summer time too', () => {
		expect(ukDateTime('2026-07-01T23:30:00.000Z')).toBe('2 July 2026 at 00:30');
		expect(ukDateTime('2026-01-05T09:05:00.000Z')).toBe('5 January 2026 at 09:05');
	});

	it('writes a calendar day as that day', () => {
		expect(ukDate('2026-03-03')).toBe('3 March 2026');
	});
});
