import { describe, expect, it } from 'vitest';
import { accessQueryString, accessWords } from './access-review-words.js';

describe('the access review search and its words', () => {
	it('sends only the fields filled in', () => {
		expect(accessQueryString({ caseReference: ' RJ-2026-0101 ', userId: '', from: '2026-01-01', to: '' })).toBe('caseReference=RJ-2026-0101&from=2026-01-01');
	});

	it('says which screen was opened and that it was offline', () => {
		const line = { caseId: 'c', reference: 'RJ-2026-0101', userId: 'u', userName: 'Sam', at: '', serverTime: '' } as const;
		expect(accessWords({ ...line, action: 'read', source: 'offline-report', screen: 'notes' })).toBe('Opened case notes (offline, reported at sync)');
		expect(accessWords({ ...line, action: 'change', source: 'online' })).toBe('Changed');
	});
});
