import { describe, expect, it } from 'vitest';
import { csvField, reportFileName } from './report-csv.js';

describe('report CSV', () => {
	it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
		expect(csvField('Closed, by reason')).toBe('"Closed, by reason"');
		expect(csvField('She said "no"')).toBe('"She said ""no"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('Plain words – with a dash')).toBe('Plain words – with a dash');
		expect(csvField(9.3)).toBe('9.3');
	});

	it('names the file after the date range and source', () => {
		expect(reportFileName({ from: '2026-10-01', to: '2026-10-31' })).toBe('tandem-report-2026-10-01-to-2026-10-31.csv');
		expect(reportFileName({ source: 'police' })).toBe('tandem-report-start-to-now-police.csv');
	});
});
