import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoffDelay', () => {
	it('does not wait before the first attempt', () => {
		expect(backoffDelay(0, () => 0.99, policy)).toBe(0);
	});

	it('doubles the ceiling with each failure', () => {
		const atTop = () => 0.999_999;
		expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, atTop, policy))).toEqual([999, 1_999, 3_999, 7_999]);
	});

	it('never waits longer than the cap, even after very many failures', () => {
		expect(backoffDelay(10_000, () => 0.999_999, policy)).toBeLessThanOrEqual(60_000);
		expect(backoffDelay(10_000, () => 0.5, policy)).toBe(30_000);
	});

	it('spreads waits anywhere from zero to the ceiling', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, draw) => {
				const delay = backoffDelay(failures, () => draw, policy);
				expect(delay).toBeGreaterThanOrEqual(0);
				expect(delay).toBeLessThanOrEqual(Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1)));
			})
		);
	});

	it('uses a default policy of two seconds doubling to five minutes', () => {
		expect(DEFAULT_BACKOFF).toEqual({ baseMs: 2_000, capMs: 300_000 });
	});
});
