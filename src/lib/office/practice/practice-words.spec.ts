import { describe, expect, it } from 'vitest';
import { accreditationWords, dueWords, lastWords } from './practice-words.js';

describe('practice words', () => {
	it('put the overdue flag first, with the day it fell due', () => {
		expect(dueWords({ status: 'overdue', dueOn: '2026-03-03' })).toBe('Overdue since 3 March 2026');
		expect(dueWords({ status: 'due-today', dueOn: '2026-03-03' })).toBe('Due today');
		expect(dueWords({ status: 'in-date', dueOn: '2026-03-03', last: '2026-01-01' })).toBe('Due by 3 March 2026');
	});

	it('say when nothing has been recorded', () => {
		expect(lastWords({ status: 'in-date', dueOn: '2026-03-03' })).toBe('None recorded');
		expect(accreditationWords({ status: 'none' })).toBe('None recorded');
	});

	it('say an accreditation has expired, is due for renewal, or is current', () => {
		expect(accreditationWords({ status: 'expired', body: 'RJC', renewal: '2026-01-31' })).toBe('Expired 31 January 2026');
		expect(accreditationWords({ status: 'renewal-soon', body: 'RJC', renewal: '2026-01-31' })).toBe('Renewal due by 31 January 2026');
		expect(accreditationWords({ status: 'current', body: 'RJC', renewal: '2026-01-31' })).toBe('Current until 31 January 2026');
	});
});
