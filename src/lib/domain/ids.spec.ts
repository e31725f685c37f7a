import { describe, expect, it } from 'vitest';
import { belongsToCase, caseChildDocId, caseDocId, caseRecordRange, serviceDocId } from './ids.js';

describe('document ids', () => {
	it('put a case’s records under the case’s own prefix', () => {
		expect(caseChildDocId('case-0001-abcd', 'case-note', 'note-0001')).toBe('case:case-0001-abcd:case-note:note-0001');
		const { startkey, endkey } = caseRecordRange('case-0001-abcd');
		const child = caseChildDocId('case-0001-abcd', 'consent', 'x');
		expect(startkey <= caseDocId('case-0001-abcd') && child < endkey).toBe(true);
	});

	it('keep service-wide records out of every case range', () => {
		expect(serviceDocId('establishment', 'establishment-0001').startsWith('case:')).toBe(false);
	});

	it('tell a case’s records from a longer case id that sorts inside the same range', () => {
		const other = caseDocId('case-0001-abcd-2');
		const { startkey, endkey } = caseRecordRange('case-0001-abcd');
		expect(other > startkey && other < endkey).toBe(true);
		expect(belongsToCase(other, 'case-0001-abcd')).toBe(false);
		expect(belongsToCase(caseChildDocId('case-0001-abcd', 'meeting', 'm'), 'case-0001-abcd')).toBe(true);
		expect(belongsToCase(caseDocId('case-0001-abcd'), 'case-0001-abcd')).toBe(true);
	});
});
