import { describe, expect, it } from 'vitest';
import { createSyncScheduler, type SchedulerClock } from './sync-scheduler.js';

/** A clock whose time moves only when the test says, firing due timers in order. */
function manualClock() {
	let now = 0;
	const timers: { at: number; run: () => void; id: number }[] = [];
	let ids = 0;
	const clock: SchedulerClock = {
		now: () => now,
		random: () => 0.5,
		setTimer: (run, ms) => (timers.push({ at: now + ms, run, id: ++ids }), ids),
		clearTimer: (id) => {
			const at = timers.findIndex((t) => t.id === id);
			if (at >= 0) timers.splice(at, 1);
		}
	};
	async function advance(ms: number): Promise<void> {
		const end = now + ms;
		for (;;) {
			timers.sort((a, b) => a.at - b.at);
			const due = timers[0];
			if (!due || due.at > end) break;
			timers.shift();
			now = due.at;
			due.run();
			for (let i = 0; i < 10; i++) await Promise.resolve();
		}
		now = end;
	}
	return { clock, advance, pending: () => timers.length };
}

describe('sync scheduler', () => {
	it('syncs at start when online, again after a burst of saves, and then every five minutes', async () => {
		const { clock, advance } = manualClock();
		const runs: number[] = [];
		const scheduler = createSyncScheduler(async () => (runs.push(clock.now()), true), clock);
		scheduler.start(true);
		await advance(0);
		scheduler.saved();
		await advance(1_000);
		scheduler.saved();
		await advance(10_000);
		await advance(5 * 60_000);
		expect(runs).toEqual([0, 4_000, 304_000]);
	});

	it('does not sync while offline, and syncs at once when the network comes back', async () => {
		const { clock, advance } = manualClock();
		const runs: number[] = [];
		const scheduler = createSyncScheduler(async () => (runs.push(clock.now()), true), clock);
		scheduler.start(false);
		scheduler.saved();
		await advance(60_000);
		scheduler.online();
		await advance(0);
		expect(runs).toEqual([60_000]);
	});

	it('backs off after a failure instead of retrying at once, and stops arming timers when stopped', async () => {
		const { clock, advance, pending } = manualClock();
		const runs: number[] = [];
		const scheduler = createSyncScheduler(async () => (runs.push(clock.now()), false), clock);
		scheduler.start(true);
		await advance(0);
		await advance(999);
		expect(runs).toEqual([0]);
		await advance(1);
		expect(runs).toEqual([0, 1_000]);
		scheduler.stop();
		expect(pending()).toBe(0);
	});
});
