import { describe, expect, it } from 'vitest';
import { duplicateReasons, matchKeys, normaliseName, type ReferralSubject } from './referral-match.js';

const sam: ReferralSubject = { role: 'harmed-person', name: 'Sam Example', phone: '07700 900123', offenceCategory: 'burglary' };

describe('duplicate referrals', () => {
	it('treats names that differ only in case, accents, punctuation and spacing as one name', () => {
		expect(normaliseName("  Jo  O'Néill ")).toBe(normaliseName('jo oneill'));
	});

	it('finds the same person and offence when the name, role and phone agree', () => {
		expect(duplicateReasons(sam, { ...sam, name: 'sam  example', phone: '+44 7700 900123' })).toEqual(['same-name', 'same-phone', 'same-offence-category']);
	});

	it('finds a match on the prison number even when the name is spelt differently', () => {
		const a = { role: 'person-responsible', name: 'Jo Example', prisonNumber: 'A1234BC' };
		expect(duplicateReasons(a, { ...a, name: 'Joanne Example' })).toEqual(['same-prison-number']);
	});

	it('does not match the harmed person with the person responsible of the same name', () => {
		expect(duplicateReasons(sam, { ...sam, role: 'person-responsible' })).toBeUndefined();
	});

	it('does not match the same person referred about a different offence', () => {
		expect(duplicateReasons(sam, { ...sam, offenceCategory: 'robbery' })).toBeUndefined();
		expect(duplicateReasons({ ...sam, offenceDate: '2026-01-02' }, { ...sam, offenceDate: '2026-03-04' })).toBeUndefined();
	});

	it('does not match two people of the same name whose phone and email both differ', () => {
		expect(duplicateReasons({ ...sam, email: 'a@example.org' }, { ...sam, phone: '07700 900999', email: 'b@example.org' })).toBeUndefined();
	});

	it('still matches when one referral gives no offence details', () => {
		const { offenceCategory: _, ...outline } = sam;
		expect(duplicateReasons(sam, outline)).toEqual(['same-name', 'same-phone']);
	});

	it('stores a referral under its name and, when known, its prison number', () => {
		expect(matchKeys({ role: 'person-responsible', name: 'Jo Example', prisonNumber: 'a1234bc' })).toEqual(['name:jo example', 'prison:A1234BC']);
	});
});
