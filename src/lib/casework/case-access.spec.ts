import { describe, expect, it } from 'vitest';
import { screenOf } from './case-access.js';

describe('which case screen a path is', () => {
	it('names the case file, its record screens, and other case pages', () => {
		expect(screenOf('/cases/case-0001-abcd', 'case-0001-abcd')).toBe('case');
		expect(screenOf('/cases/case-0001-abcd/notes', 'case-0001-abcd')).toBe('notes');
		expect(screenOf('/cases/case-0001-abcd/checklist/assessment-1', 'case-0001-abcd')).toBe('checklist');
		expect(screenOf('/cases/case-0001-abcd/contacts/new', 'case-0001-abcd')).toBe('contacts');
		expect(screenOf('/cases/case-0001-abcd/paper-pack', 'case-0001-abcd')).toBe('other');
	});

	it('is nothing for a path outside the case, even one that starts alike', () => {
		expect(screenOf('/cases/case-0001-abcd-2/notes', 'case-0001-abcd')).toBeUndefined();
		expect(screenOf('/device', 'case-0001-abcd')).toBeUndefined();
	});
});
