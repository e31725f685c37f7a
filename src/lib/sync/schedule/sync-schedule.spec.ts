import { describe, expect, it } from 'vitest';
import { initialSchedule, nextSyncAt, onScheduleEvent, shouldSyncNow, type ScheduleEvent, type ScheduleState, type SyncPolicy } from './sync-schedule.js';

const policy: SyncPolicy = { debounceMs: 3_000, maxWaitMs: 30_000, periodMs: 300_000, backoff: { baseMs: 2_000, capMs: 60_000 } };
const run = (events: ScheduleEvent[], from: ScheduleState = initialSchedule) => events.reduce((state, event) => onScheduleEvent(state, event, policy), from);
const synced = run([{ type: 'started', at: 0, online: true }, { type: 'sync-began', at: 0 }, { type: 'sync-succeeded', at: 1_000 }]);

describe('the sync schedule', () => {
	it('syncs at once when the app starts online', () => {
		expect(nextSyncAt(run([{ type: 'started', at: 500, online: true }]), policy)).toBe(500);
	});

	it('does not sync while offline, whatever is waiting', () => {
		const state = run([{ type: 'started', at: 0, online: false }, { type: 'saved', at: 10 }]);
		expect(nextSyncAt(state, policy)).toBeUndefined();
	});

	it('syncs at once when the network comes back', () => {
		const state = run([{ type: 'offline', at: 2_000 }, { type: 'online', at: 9_000 }], synced);
		expect(nextSyncAt(state, policy)).toBe(9_000);
	});

	it('syncs saves made offline as soon as the network comes back', () => {
		const state = run([{ type: 'offline', at: 2_000 }, { type: 'saved', at: 3_000 }, { type: 'online', at: 9_000 }], synced);
		expect(shouldSyncNow(state, 9_000, policy)).toBe(true);
	});

	it('waits for a pause in saving before syncing', () => {
		const state = run([{ type: 'saved', at: 10_000 }, { type: 'saved', at: 12_000 }], synced);
		expect(nextSyncAt(state, policy)).toBe(15_000);
		expect(shouldSyncNow(state, 14_999, policy)).toBe(false);
		expect(shouldSyncNow(state, 15_000, policy)).toBe(true);
	});

	it('syncs a save within the longest wait even while the person keeps saving', () => {
		const saves = Array.from({ length: 20 }, (_, i): ScheduleEvent => ({ type: 'saved', at: 10_000 + i * 2_000 }));
		expect(nextSyncAt(run(saves, synced), policy)).toBe(40_000);
	});

	it('syncs periodically while online and idle', () => {
		expect(nextSyncAt(synced, policy)).toBe(301_000);
	});

	it('starts no second sync while one is running', () => {
		expect(nextSyncAt(run([{ type: 'saved', at: 5_000 }, { type: 'sync-began', at: 9_000 }], synced), policy)).toBeUndefined();
	});

	it('keeps a save made during a sync waiting for the next one', () => {
		const state = run([{ type: 'sync-began', at: 5_000 }, { type: 'saved', at: 6_000 }, { type: 'sync-succeeded', at: 7_000 }], synced);
		expect(nextSyncAt(state, policy)).toBe(9_000);
	});

	it('retries a failed sync after a jittered backoff that grows with each failure', () => {
		const failOnce = run([{ type: 'sync-began', at: 5_000 }, { type: 'sync-failed', at: 6_000, draw: 0.5 }], synced);
		expect(nextSyncAt(failOnce, policy)).toBe(7_000);
		const failTwice = run([{ type: 'sync-began', at: 7_000 }, { type: 'sync-failed', at: 8_000, draw: 0.5 }], failOnce);
		expect(nextSyncAt(failTwice, policy)).toBe(10_000);
	});

	it('holds saves back until the backoff has passed', () => {
		const state = run([{ type: 'sync-began', at: 5_000 }, { type: 'sync-failed', at: 6_000, draw: 0.99 }, { type: 'saved', at: 6_100 }], synced);
		expect(nextSyncAt(state, policy)).toBe(7_980);
	});

	it('forgets the backoff when the network comes back', () => {
		const failed = run([{ type: 'sync-began', at: 5_000 }, { type: 'sync-failed', at: 6_000, draw: 0.99 }], synced);
		const state = run([{ type: 'offline', at: 6_500 }, { type: 'online', at: 7_000 }], failed);
		expect(state.failures).toBe(0);
		expect(nextSyncAt(state, policy)).toBe(7_000);
	});
});
