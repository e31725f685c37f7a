import { describe, expect, it } from 'vitest';
import type { DeviceExposure } from '../protocol/access-review.js';
import { byExposure, exposureStatement } from './device-exposure-words.js';

const NOW = new Date('2026-11-05T12:00:00.000Z');
const tablet = (change: Partial<DeviceExposure> = {}): DeviceExposure => ({
	id: 'tablet-0001-abcd',
	label: 'Tablet 3',
	users: [{ id: 'u1', name: 'Sam' }],
	registeredAt: '2026-01-01T09:00:00.000Z',
	lastSyncAt: '2026-11-02T12:00:00.000Z',
	cases: [
		{ caseId: 'c1', reference: 'RJ-2026-0101', records: 14, lastPulledAt: '2026-11-02T12:00:00.000Z' },
		{ caseId: 'c2', reference: 'RJ-2026-0102', records: 1, lastPulledAt: '2026-11-01T12:00:00.000Z' }
	],
	...change
});

describe('a device’s exposure in words', () => {
	it('says when it last synced and which cases it holds, with their records', () => {
		const words = exposureStatement(tablet(), NOW);
		expect(words).toMatch(/^Last synced 3 days ago \(.+\); holds 2 cases: RJ-2026-0101 \(14 records\), RJ-2026-0102 \(1 record\)\.$/);
	});

	it('says so plainly when it holds nothing, and when it was revoked', () => {
		const words = exposureStatement(tablet({ cases: [], revokedAt: '2026-11-04T08:00:00.000Z' }), NOW);
		expect(words).toContain('holds no case data that the server knows of.');
		expect(words).toContain('Revoked');
		expect(words).toContain('wipes itself at its next contact');
	});

	it('puts the devices holding the most cases first', () => {
		const few = tablet({ id: 'few', cases: [] });
		const many = tablet({ id: 'many' });
		expect(byExposure([few, many]).map((d) => d.id)).toEqual(['many', 'few']);
	});
});
