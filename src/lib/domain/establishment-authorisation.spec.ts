import { describe, expect, it } from 'vitest';
import { authorisationState } from './establishment-authorisation.js';
import type { EstablishmentRecord } from './establishment.js';

const prison = (change: Partial<EstablishmentRecord>): EstablishmentRecord => ({
	type: 'establishment', v: 1, id: 'est-0000000001', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin',
	name: 'HMP Test (fictional)', securityCategory: 'C', visitRules: '', devicesAuthorised: true, devicesAuthorisedUntil: '2026-06-30', ...change
});

describe('tablet authorisation at an establishment', () => {
	it('is current on its last day and lapsed the day after', () => {
		expect(authorisationState(prison({ devicesAuthorisedUntil: '2026-06-30' }), '2026-06-30')).toMatchObject({ kind: 'lapsing', daysLeft: 0 });
		expect(authorisationState(prison({ devicesAuthorisedUntil: '2026-06-30' }), '2026-07-01')).toEqual({ kind: 'lapsed', until: '2026-06-30' });
	});

	it('warns within 14 days, not before', () => {
		expect(authorisationState(prison({}), '2026-06-17')).toEqual({ kind: 'lapsing', until: '2026-06-30', daysLeft: 13 });
		expect(authorisationState(prison({}), '2026-06-16')).toEqual({ kind: 'current', until: '2026-06-30' });
	});

	it('says none when tablets are not authorised at all', () => {
		expect(authorisationState(prison({ devicesAuthorised: false, devicesAuthorisedUntil: undefined }), '2026-06-01')).toEqual({ kind: 'none' });
	});
});
