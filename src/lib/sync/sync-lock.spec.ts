import { describe, expect, it } from 'vitest';
import { memoryLock, webLock } from './sync-lock.js';

/** Enough of the Web Locks API for one exclusive lock: requests queue in order. */
function fakeLockManager(): LockManager {
	const lock = memoryLock();
	return { request: (_name: string, task: () => Promise<unknown>) => lock.run(task) } as unknown as LockManager;
}

describe('one sync at a time', () => {
	it('runs a second task only after the first has finished, through Web Locks', async () => {
		const lock = webLock(fakeLockManager());
		const order: string[] = [];
		let release!: () => void;
		const first = lock.run(async () => {
			order.push('first starts');
			await new Promise<void>((resolve) => (release = resolve));
			order.push('first ends');
		});
		const second = lock.run(async () => void order.push('second starts'));
		await Promise.resolve();
		expect(order).toEqual(['first starts']);
		release();
		await Promise.all([first, second]);
		expect(order).toEqual(['first starts', 'first ends', 'second starts']);
	});

	it('frees the lock after a task fails, so the next sync still runs', async () => {
		const lock = memoryLock();
		await expect(lock.run(() => Promise.reject(new Error('dropped')))).rejects.toThrow('dropped');
		expect(await lock.run(async () => 'ran')).toBe('ran');
	});
});
