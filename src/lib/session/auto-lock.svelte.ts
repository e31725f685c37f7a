import { effectiveLockMinutes, isLockMinutes, type LockMinutes } from './lock-limit.js';

const DEFAULT_AUTO_LOCK_MINUTES = 5;
const STORAGE_KEY = 'tandem.autoLockMinutes';
/** The service's limit as last heard from the server, kept so that it applies offline. */
const LIMIT_KEY = 'tandem.autoLockLimit';
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

function saved(key: string): LockMinutes | undefined {
	const value = Number(globalThis.localStorage?.getItem(key));
	return isLockMinutes(value) ? value : undefined;
}

/** Locks the app after a set time with no touch or key press. The setting is per device, within the service's limit. */
class AutoLock {
	chosen = $state<LockMinutes>(saved(STORAGE_KEY) ?? DEFAULT_AUTO_LOCK_MINUTES);
	limit = $state<LockMinutes | undefined>(saved(LIMIT_KEY));
	/** What applies: the choice on this tablet, never longer than the service allows. */
	minutes = $derived(effectiveLockMinutes(this.chosen, this.limit));

	set(minutes: number): void {
		if (!isLockMinutes(minutes)) return;
		this.chosen = minutes;
		localStorage.setItem(STORAGE_KEY, String(minutes));
	}

	/** The service's limit, from the server; it takes effect at once, also for a watch running now. */
	applyLimit(minutes: LockMinutes): void {
		this.limit = minutes;
		localStorage.setItem(LIMIT_KEY, String(minutes));
	}

	/** Calls onIdle once the person has been idle for `minutes`. Returns a stop function. */
	watch(onIdle: () => void): () => void {
		const idleMs = this.minutes * 60_000;
		let last = Date.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		// Timers stop while a tablet sleeps; comparing clock times catches that on wake.
		const check = () => (Date.now() - last >= idleMs ? onIdle() : arm());
		const arm = () => {
			clearTimeout(timer);
			timer = setTimeout(check, Math.max(idleMs - (Date.now() - last), 0));
		};
		const active = () => {
			last = Date.now();
			arm();
		};
		const visible = () => document.visibilityState === 'visible' && check();
		for (const type of ACTIVITY) window.addEventListener(type, active, { passive: true, capture: true });
		document.addEventListener('visibilitychange', visible);
		arm();
		return () => {
			clearTimeout(timer);
			for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true });
			document.removeEventListener('visibilitychange', visible);
		};
	}
}

export const autoLock = new AutoLock();
