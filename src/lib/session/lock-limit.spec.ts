import { describe, expect, it } from 'vitest';
import { effectiveLockMinutes, lockChoices } from './lock-limit.js';

describe('the service limit on how long a tablet stays unlocked', () => {
	it('cuts a longer choice down to the service limit and keeps a shorter one', () => {
		expect(effectiveLockMinutes(30, 5)).toBe(5);
		expect(effectiveLockMinutes(2, 5)).toBe(2);
		expect(effectiveLockMinutes(15, undefined)).toBe(15);
	});

	it('offers only the times the service allows, and every time before the tablet has heard from it', () => {
		expect(lockChoices(5)).toEqual([1, 2, 5]);
		expect(lockChoices(undefined)).toEqual([1, 2, 5, 10, 15, 30]);
	});
});
