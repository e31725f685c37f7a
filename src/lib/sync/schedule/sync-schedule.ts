import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';

export interface SyncPolicy {
	/** Quiet time after the last save before syncing, so a burst of typing is one sync. */
	debounceMs: number;
	/** The longest a saved change waits, however busy the person is. */
	maxWaitMs: number;
	/** While online and idle, sync this often to fetch colleagues' changes. */
	periodMs: number;
	backoff: BackoffPolicy;
}

export const DEFAULT_SYNC_POLICY: SyncPolicy = { debounceMs: 3_000, maxWaitMs: 30_000, periodMs: 5 * 60_000, backoff: DEFAULT_BACKOFF };

/** What the scheduler knows. Times are milliseconds from an injected clock. */
export interface ScheduleState {
	online: boolean;
	running?: { since: number };
	/** A sync is owed from this moment: the app started or the network came back. */
	dueAt?: number;
	/** The first and the latest save not yet covered by a sync that began after it. */
	saves?: { first: number; last: number };
	lastSettledAt?: number;
	failures: number;
	retryAt?: number;
}

export type ScheduleEvent =
	| { type: 'started'; at: number; online: boolean }
	| { type: 'online' | 'offline' | 'saved' | 'sync-began' | 'sync-succeeded'; at: number }
	/** `draw` is a random number in [0, 1) for the jitter, so this stays a pure function. */
	| { type: 'sync-failed'; at: number; draw: number };

export const initialSchedule: ScheduleState = { online: false, failures: 0 };

export function onScheduleEvent(state: ScheduleState, event: ScheduleEvent, policy: SyncPolicy = DEFAULT_SYNC_POLICY): ScheduleState {
	switch (event.type) {
		case 'started':
			return { ...state, online: event.online, dueAt: event.at };
		case 'online':
			// A new network is a new chance: forget the backoff earned on the old one.
			return { ...state, online: true, dueAt: event.at, failures: 0, retryAt: undefined };
		case 'offline':
			return { ...state, online: false, dueAt: undefined };
		case 'saved':
			return { ...state, saves: { first: state.saves?.first ?? event.at, last: event.at } };
		case 'sync-began':
			return { ...state, running: { since: event.at }, dueAt: undefined };
		case 'sync-succeeded': {
			// A save made while the sync ran may have missed its push: it still needs one.
			const missed = state.saves && state.running && state.saves.last >= state.running.since;
			return { ...state, running: undefined, saves: missed ? { first: state.saves!.last, last: state.saves!.last } : undefined, lastSettledAt: event.at, failures: 0, retryAt: undefined };
		}
		case 'sync-failed': {
			const failures = state.failures + 1;
			const retryAt = event.at + backoffDelay(failures, () => event.draw, policy.backoff);
			// Still owed: the retry waits for the backoff, not for the next periodic sync.
			return { ...state, running: undefined, dueAt: event.at, lastSettledAt: event.at, failures, retryAt };
		}
	}
}

/**
 * When the next sync should start, or undefined when none should (offline, or one is running).
 * The earliest reason wins: owed now, saves debounced, or the periodic pull; a backoff after a
 * failure holds every reason back until its retry time.
 */
export function nextSyncAt(state: ScheduleState, policy: SyncPolicy = DEFAULT_SYNC_POLICY): number | undefined {
	if (!state.online || state.running) return undefined;
	const reasons = [
		state.dueAt,
		state.saves && Math.min(state.saves.last + policy.debounceMs, state.saves.first + policy.maxWaitMs),
		state.lastSettledAt !== undefined ? state.lastSettledAt + policy.periodMs : undefined
	].filter((at): at is number => at !== undefined);
	if (reasons.length === 0) return undefined;
	return Math.max(Math.min(...reasons), state.retryAt ?? -Infinity);
}

export function shouldSyncNow(state: ScheduleState, now: number, policy: SyncPolicy = DEFAULT_SYNC_POLICY): boolean {
	const at = nextSyncAt(state, policy);
	return at !== undefined && at <= now;
}
