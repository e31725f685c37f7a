import { describe, expect, it } from 'vitest';
import { REACHABLE_FOR_MS, reachability } from './couch.js';

describe('whether the store is reachable', () => {
	it('asks the store once while it answers, then again after the memo runs out', async () => {
		let [now, asked] = [1_000, 0];
		const reachable = reachability(async () => asked++, () => now);
		expect(await reachable()).toBe(true);
		now += REACHABLE_FOR_MS - 1;
		expect(await reachable()).toBe(true);
		expect(asked).toBe(1);
		now += 1;
		expect(await reachable()).toBe(true);
		expect(asked).toBe(2);
	});

	it('never remembers a store that did not answer, so one that is back is seen at once', async () => {
		let up = false;
		const reachable = reachability(async () => {
			if (!up) throw new Error('refused');
		});
		expect(await reachable()).toBe(false);
		up = true;
		expect(await reachable()).toBe(true);
	});

	it('asks once for checks made at the same moment', async () => {
		let asked = 0;
		const reachable = reachability(async () => asked++);
		expect(await Promise.all([reachable(), reachable(), reachable()])).toEqual([true, true, true]);
		expect(asked).toBe(1);
	});
});
