import { memoryLock, type SyncLock } from './sync-lock.js';

export interface LeaseStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export interface LeaseOptions {
	storage: LeaseStorage;
	/** This tab's name for itself; any string no other tab uses. */
	owner: string;
	/** Where tabs say a lease was released, so a waiting tab need not wait for it to expire. */
	channelName?: string;
	/** A lease not renewed for this long belongs to a tab that died or froze; another may take it. */
	ttlMs?: number;
	/** How long a tab waits after writing its claim before trusting it (two tabs may claim at once). */
	settleMs?: number;
	now?: () => number;
}

interface Lease {
	owner: string;
	until: number;
}

const KEY = 'tandem-sync-lease';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One sync at a time across tabs where Web Locks are missing: a lease in localStorage with an
 * expiry, renewed while the round runs, released with a message on a BroadcastChannel. Claims are
 * written, then read back after a pause: of two tabs claiming together, the later write stands and
 * the other tab waits. localStorage has no compare-and-set, so this is best effort; a rare second
 * round at the same moment is harmless, because the server applies each mutation id once.
 */
export function leaseLock(options: LeaseOptions): SyncLock {
	const { storage, owner } = options;
	const ttl = options.ttlMs ?? 30_000;
	const settle = options.settleMs ?? 50;
	const now = options.now ?? (() => Date.now());
	const inTab = memoryLock();
	const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(options.channelName ?? KEY);
	const waiters = new Set<() => void>();
	if (channel) channel.onmessage = () => waiters.forEach((wake) => wake());

	const read = (): Lease | undefined => {
		try {
			return (JSON.parse(storage.getItem(KEY) ?? 'null') as Lease | null) ?? undefined;
		} catch {
			return undefined;
		}
	};
	const claim = () => storage.setItem(KEY, JSON.stringify({ owner, until: now() + ttl } satisfies Lease));

	function released(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const wake = () => (clearTimeout(timer), waiters.delete(wake), resolve());
			const timer = setTimeout(wake, ms);
			waiters.add(wake);
		});
	}

	async function acquire(): Promise<void> {
		for (;;) {
			const lease = read();
			if (!lease || lease.until <= now() || lease.owner === owner) {
				claim();
				await sleep(settle);
				if (read()?.owner === owner) return;
			}
			const held = read();
			await released(Math.max(settle, Math.min(ttl / 2, (held?.until ?? now()) - now())));
		}
	}

	return {
		run<T>(task: () => Promise<T>): Promise<T> {
			return inTab.run(async () => {
				await acquire();
				const renew = setInterval(() => read()?.owner === owner && claim(), ttl / 3);
				try {
					return await task();
				} finally {
					clearInterval(renew);
					if (read()?.owner === owner) storage.removeItem(KEY);
					channel?.postMessage('released');
				}
			});
		}
	};
}
