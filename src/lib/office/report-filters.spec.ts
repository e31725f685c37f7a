import { describe, expect, it } from 'vitest';
import { filtersFromUrl, reportQueryString } from './report-filters.js';

describe('report filters', () => {
	it('send only the filters that are set', () => {
		expect(reportQueryString({ from: '2026-10-01', to: '', source: 'police' })).toBe('?from=2026-10-01&source=police');
		expect(reportQueryString({ from: '', to: '', source: '' })).toBe('');
	});

	it('read back from the address, leaving out what is not a day or a known source', () => {
		expect(filtersFromUrl(new URLSearchParams('from=2026-10-01&to=soon&source=martians'))).toEqual({ from: '2026-10-01', to: '', source: '' });
		expect(filtersFromUrl(new URLSearchParams('to=2026-10-31&source=self'))).toEqual({ from: '', to: '2026-10-31', source: 'self' });
	});
});
