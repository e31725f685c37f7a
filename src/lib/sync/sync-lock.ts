import { leaseLock } from './lease-lock.js';

/** Runs one sync at a time on this device, across every tab of the app. */
export interface SyncLock {
	run<T>(task: () => Promise<T>): Promise<T>;
}

const LOCK_NAME = 'tandem-sync';

/** The Web Locks API: the browser hands the lock to one tab at a time and frees it if the tab dies. */
export function webLock(locks: LockManager): SyncLock {
	return { run: <T>(task: () => Promise<T>) => locks.request(LOCK_NAME, task) as Promise<T> };
}

/**
 * A queue in this page's memory: one sync at a time within a tab. The lease lock uses it inside a
 * tab, and tests share it between two "tabs".
 */
export function memoryLock(): SyncLock {
	let tail: Promise<unknown> = Promise.resolve();
	return {
		run<T>(task: () => Promise<T>): Promise<T> {
			const result = tail.then(task);
			tail = result.catch(() => undefined);
			return result;
		}
	};
}

/** Web Locks where the browser has them; else a lease in localStorage shared by every tab (older Safari). */
export function deviceSyncLock(): SyncLock {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	if (locks) return webLock(locks);
	const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
	return storage ? leaseLock({ storage, owner: crypto.randomUUID() }) : memoryLock();
}
