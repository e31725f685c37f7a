import { describe, expect, it } from 'vitest';
import { guardTarget } from './guard.js';

describe('where a person may be', () => {
	it('sends a signed-out person to sign in', () => expect(guardTarget('/cases', false, 'none')).toBe('/sign-in'));
	it('asks a newly signed-in person to set a passphrase first', () => expect(guardTarget('/cases', true, 'none')).toBe('/set-passphrase'));
	it('shows no case page while locked', () => {
		expect(guardTarget('/cases', true, 'locked')).toBe('/unlock');
		expect(guardTarget('/device', true, 'locked')).toBe('/unlock');
	});
	it('lets a locked tablet be handed to someone else through sign-in', () => expect(guardTarget('/sign-in', true, 'locked')).toBeUndefined());
	it('takes an unlocked person from unlock to their cases', () => expect(guardTarget('/unlock', true, 'unlocked')).toBe('/cases'));
	it('lets anyone open the referral forms and a feedback link, signed in or not, locked or not', () => {
		for (const path of ['/refer', '/refer/professional', '/feedback/abc', '/invitation/abc']) {
			expect(guardTarget(path, false, 'none')).toBeUndefined();
			expect(guardTarget(path, true, 'locked')).toBeUndefined();
		}
	});
	it('does not treat a page that merely starts with the same letters as public', () => expect(guardTarget('/referrals', false, 'none')).toBe('/sign-in'));
	it('leaves an unlocked person where they are', () => expect(guardTarget('/device', true, 'unlocked')).toBeUndefined());
});
