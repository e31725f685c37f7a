import { describe, expect, it } from 'vitest';
import { leaseLock, type LeaseStorage } from './lease-lock.js';

/** localStorage as two tabs of one origin see it: one store, shared. */
function sharedStorage(): LeaseStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let channels = 0;

/** Two tabs: each its own lock over the same storage and the same BroadcastChannel name. */
function twoTabs(ttlMs = 400) {
	const storage = sharedStorage();
	const channelName = `lease-test-${++channels}`;
	const tab = (owner: string) => leaseLock({ storage, owner, channelName, ttlMs, settleMs: 10 });
	return { storage, a: tab('tab-a'), b: tab('tab-b') };
}

describe('one sync at a time across tabs without Web Locks', () => {
	it('starts a round in a second tab only after the first tab has finished', async () => {
		const { a, b } = twoTabs();
		const order: string[] = [];
		const first = a.run(async () => (order.push('a starts'), await pause(120), order.push('a ends')));
		await pause(30);
		const second = b.run(async () => void order.push('b starts'));
		await Promise.all([first, second]);
		expect(order).toEqual(['a starts', 'a ends', 'b starts']);
	});

	it('keeps the lease while a round runs longer than the lease lasts, by renewing it', async () => {
		const { a, b } = twoTabs(150);
		const order: string[] = [];
		const first = a.run(async () => (order.push('a starts'), await pause(400), order.push('a ends')));
		await pause(30);
		await Promise.all([first, b.run(async () => void order.push('b starts'))]);
		expect(order).toEqual(['a starts', 'a ends', 'b starts']);
	});

	it('takes over the lease of a tab that died holding it, once it expires', async () => {
		const { storage, b } = twoTabs(200);
		storage.setItem('tandem-sync-lease', JSON.stringify({ owner: 'closed-tab', until: Date.now() + 200 }));
		const started = Date.now();
		expect(await b.run(async () => 'ran')).toBe('ran');
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	});

	it('frees the lease when a round fails, so the other tab still syncs', async () => {
		const { storage, a, b } = twoTabs();
		await expect(a.run(() => Promise.reject(new Error('dropped')))).rejects.toThrow('dropped');
		expect(storage.map.has('tandem-sync-lease')).toBe(false);
		expect(await b.run(async () => 'ran')).toBe('ran');
	});

	it('lets the waiting tab start as soon as the lease is released, without waiting for it to expire', async () => {
		const { a, b } = twoTabs(10_000);
		const first = a.run(() => pause(50));
		await pause(20);
		const started = Date.now();
		await Promise.all([first, b.run(async () => undefined)]);
		expect(Date.now() - started).toBeLessThan(1_000);
	});
});
