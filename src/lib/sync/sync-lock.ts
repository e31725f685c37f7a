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
 * A queue in this page's memory: the fallback where Web Locks are missing (older Safari), which
 * then serialises syncs within the tab only, and the double tests share between two "tabs".
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

export function deviceSyncLock(): SyncLock {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? webLock(locks) : memoryLock();
}
