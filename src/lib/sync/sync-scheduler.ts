import { initialSchedule, nextSyncAt, onScheduleEvent, type ScheduleEvent, type ScheduleState, type SyncPolicy } from './schedule/sync-schedule.js';

export interface SchedulerClock {
	now(): number;
	random(): number;
	setTimer(run: () => void, ms: number): unknown;
	clearTimer(timer: unknown): void;
}

export const browserClock: SchedulerClock = {
	now: () => Date.now(),
	random: () => Math.random(),
	setTimer: (run, ms) => setTimeout(run, ms),
	clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)
};

/**
 * Turns the pure schedule into timers: app start, reconnect, saves and the periodic pull each fold
 * into the state, and one timer waits for `nextSyncAt`. `run` resolves true when the round
 * succeeded; a failure backs off with jitter. Only one round runs at a time.
 */
export function createSyncScheduler(run: () => Promise<boolean>, clock: SchedulerClock, policy?: SyncPolicy) {
	let state: ScheduleState = initialSchedule;
	let timer: unknown;
	let stopped = false;

	const fold = (event: ScheduleEvent) => {
		state = onScheduleEvent(state, event, policy);
		arm();
	};

	function arm(): void {
		if (timer !== undefined) clock.clearTimer(timer);
		timer = undefined;
		const at = nextSyncAt(state, policy);
		if (stopped || at === undefined) return;
		timer = clock.setTimer(fire, Math.max(at - clock.now(), 0));
	}

	async function fire(): Promise<void> {
		timer = undefined;
		fold({ type: 'sync-began', at: clock.now() });
		const ok = await run().catch(() => false);
		if (stopped) return;
		fold(ok ? { type: 'sync-succeeded', at: clock.now() } : { type: 'sync-failed', at: clock.now(), draw: clock.random() });
	}

	return {
		start: (online: boolean) => fold({ type: 'started', at: clock.now(), online }),
		online: () => fold({ type: 'online', at: clock.now() }),
		offline: () => fold({ type: 'offline', at: clock.now() }),
		saved: () => fold({ type: 'saved', at: clock.now() }),
		get state(): ScheduleState {
			return state;
		},
		stop(): void {
			stopped = true;
			arm();
		}
	};
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
