export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30] as const;
const STORAGE_KEY = 'tandem.autoLockMinutes';
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

function saved(): number {
	const value = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
	return (AUTO_LOCK_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_AUTO_LOCK_MINUTES;
}

/** Locks the app after a set time with no touch or key press. The setting is per device. */
class AutoLock {
	minutes = $state(saved());

	set(minutes: number): void {
		this.minutes = minutes;
		localStorage.setItem(STORAGE_KEY, String(minutes));
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
