import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './date-time.js';

describe('date and time fields', () => {
	it('round-trips a moment through the field’s local value', () => {
		const iso = new Date(2026, 9, 1, 10, 30).toISOString();
		expect(toLocalInput(iso)).toBe('2026-10-01T10:30');
		expect(fromLocalInput('2026-10-01T10:30')).toBe(iso);
	});

	it('refuses a value that is not a real date and time', () => {
		expect(fromLocalInput('')).toBeUndefined();
		expect(fromLocalInput('2026-02-31T10:00')).toBeUndefined();
		expect(fromLocalInput('yesterday')).toBeUndefined();
	});
});
