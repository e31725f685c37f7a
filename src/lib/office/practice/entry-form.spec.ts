import { describe, expect, it } from 'vitest';
import { emptyEntryForm, entryRequest, referencesOf } from './entry-form.js';

describe('the add-entry form', () => {
	it('sends only the fields of the kind chosen', () => {
		const form = { ...emptyEntryForm('training'), date: '2026-03-01', title: 'Working with harm', hours: '2.5', provider: 'RJC', supervisor: 'left over' };
		expect(entryRequest(form)).toEqual({ kind: 'training', date: '2026-03-01', title: 'Working with harm', hours: 2.5, provider: 'RJC' });
	});

	it('sends hours that are not a number as typed, so the check can say so', () => {
		expect(entryRequest({ ...emptyEntryForm('training'), hours: 'two' })).toMatchObject({ hours: 'two' });
		expect(entryRequest({ ...emptyEntryForm('training'), hours: '' })).toMatchObject({ hours: '' });
	});

	it('reads case references separated by commas or lines, in capitals', () => {
		expect(referencesOf('rj-2026-0101, RJ-2026-0102\n\nRJ-2026-0103 ')).toEqual(['RJ-2026-0101', 'RJ-2026-0102', 'RJ-2026-0103']);
	});

	it('leaves out an empty next-due date, so the interval decides', () => {
		expect(entryRequest({ ...emptyEntryForm('supervision'), date: '2026-03-01' })).not.toHaveProperty('nextDue');
	});
});
