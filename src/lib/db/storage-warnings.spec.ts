import { describe, expect, it } from 'vitest';
import { formatBytes, storageWarnings } from './storage-warnings.js';

const now = new Date('2026-11-02T12:00:00.000Z');

describe('storage warnings', () => {
	it('says nothing when storage is kept, roomy and everything is synced', () => {
		expect(storageWarnings({ persisted: true, usage: 1e6, quota: 1e10, unsynced: { count: 0 }, now })).toEqual([]);
	});

	it('warns when a change has waited more than a day to sync', () => {
		const warnings = storageWarnings({ persisted: true, unsynced: { count: 3, oldestAt: '2026-11-01T09:00:00.000Z' }, now });
		expect(warnings).toEqual(['3 changes have waited more than a day to sync. Connect to a network soon.']);
	});

	it('warns when space is low', () => {
		const warnings = storageWarnings({ persisted: true, usage: 9.9e9, quota: 1e10, unsynced: { count: 0 }, now });
		expect(warnings[0]).toContain('low on space');
	});

	it('warns about unsynced work the browser has not promised to keep', () => {
		expect(storageWarnings({ persisted: false, unsynced: { count: 1, oldestAt: now.toISOString() }, now })).toEqual([
			'The browser has not promised to keep this data. Sync often.'
		]);
	});

	it('writes sizes in words a person reads at a glance', () => {
		expect(formatBytes(2_500_000)).toBe('2.4 MB');
		expect(formatBytes(10)).toBe('1 KB');
	});
});
