import { describe, expect, it } from 'vitest';
import { alreadyHeld } from './one-row-copy.js';

const record = { id: 'note-1', type: 'case-note', text: 'Met at the library.' };

describe('a pulled record the push already stored', () => {
	it('is not stored again when the tablet holds that revision, with those values, in one row', () => {
		expect(alreadyHeld({ rev: '2-a', record: { ...record }, conflicts: [] }, { rev: '2-a', record })).toBe(true);
	});

	it('is stored when the server holds other values, another revision, kept conflicts, or the tablet holds it in two rows', () => {
		expect(alreadyHeld({ rev: '2-a', record: { ...record, text: 'Met at the office.' }, conflicts: [] }, { rev: '2-a', record })).toBe(false);
		expect(alreadyHeld({ rev: '3-b', record, conflicts: [] }, { rev: '2-a', record })).toBe(false);
		expect(alreadyHeld({ rev: '2-a', record, conflicts: [{ path: ['text'] }] }, { rev: '2-a', record })).toBe(false);
		expect(alreadyHeld({ rev: '2-a', record, conflicts: [] }, { rev: '2-a' })).toBe(false);
		expect(alreadyHeld({ rev: '2-a', record, conflicts: [] }, undefined)).toBe(false);
	});
});
