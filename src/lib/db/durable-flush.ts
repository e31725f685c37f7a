import type { DBCore, Middleware } from 'dexie';
import { writeLayer } from './write-layer.js';

/** A quiet spell this long after a write, or this long after the first unflushed one, whichever comes first. */
export const FLUSH_QUIET_MS = 200;
export const FLUSH_AT_MOST_MS = 1_000;

export interface FlushScheduler {
	/** A write committed (or is about to): a strict flush will follow within FLUSH_AT_MOST_MS. */
	noteWrite(): void;
	/** Flushes now if anything is unflushed, e.g. before the page is hidden. */
	flushNow(): Promise<void>;
	cancel(): void;
}

/**
 * Everyday writes commit with relaxed durability (no fsync each). This turns a burst of them into
 * one strict commit once writes pause, and never later than FLUSH_AT_MOST_MS after the first, so a
 * flat battery loses at most about a second of work. Atomicity is not affected: each transaction
 * still commits whole or not at all.
 */
export function flushScheduler(flush: () => Promise<void>, now: () => number = () => Date.now()): FlushScheduler {
	let firstUnflushed: number | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const run = async () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		if (firstUnflushed === undefined) return;
		firstUnflushed = undefined;
		await flush();
	};
	return {
		noteWrite() {
			const at = now();
			firstUnflushed ??= at;
			if (timer !== undefined) clearTimeout(timer);
			const due = Math.min(at + FLUSH_QUIET_MS, firstUnflushed + FLUSH_AT_MOST_MS);
			timer = setTimeout(() => void run().catch(() => undefined), Math.max(0, due - at));
		},
		flushNow: run,
		cancel() {
			if (timer !== undefined) clearTimeout(timer);
			timer = undefined;
			firstUnflushed = undefined;
		}
	};
}

/** A page being hidden may be frozen or closed before any timer fires: it flushes first. */
export function flushWhenHidden(scheduler: FlushScheduler): void {
	if (typeof document === 'undefined') return;
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') void scheduler.flushNow().catch(() => undefined);
	});
}

/** The row the strict flush writes: a strict commit makes every relaxed commit before it durable too. */
export const FLUSH_MARKER_KEY = 'durable-flush';

/** One strict readwrite transaction on the raw database, outside Dexie's relaxed default. */
export function strictFlush(idb: IDBDatabase, store: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const trans = idb.transaction([store], 'readwrite', { durability: 'strict' });
		trans.objectStore(store).put({ key: FLUSH_MARKER_KEY, lastSyncedAt: new Date().toISOString() });
		trans.oncomplete = () => resolve();
		trans.onerror = () => reject(trans.error);
		trans.onabort = () => reject(trans.error);
	});
}

/**
 * A DBCore layer that tells the scheduler about every write, whichever repository made it, once
 * its transaction has committed: a flush that overtook a long transaction would not cover it.
 */
export function flushAfterWrites(noteWrite: () => void): Middleware<DBCore> {
	const watched = new WeakSet<object>();
	const watch = (trans: unknown) => {
		if (typeof (trans as Partial<EventTarget>).addEventListener !== 'function') return noteWrite();
		if (watched.has(trans as object)) return;
		watched.add(trans as object);
		(trans as EventTarget).addEventListener('complete', noteWrite);
	};
	return writeLayer('tandem-durable-flush', (_table, req) => watch(req.trans));
}
