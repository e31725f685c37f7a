export interface AutosaveOptions<T> {
	/** Writes the latest value; a failure (a locked vault) is reported and retried on the next change. */
	save: (value: T) => Promise<void>;
	/** How long after the last change to save; typing keeps resetting it up to `maxWaitMs`. */
	delayMs?: number;
	/** Longest a change waits while someone keeps typing. */
	maxWaitMs?: number;
	onSaved?: (at: Date) => void;
	onError?: (error: unknown) => void;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
	clock?: () => Date;
}

/**
 * Saves a value a few seconds after it changes, and at least every `maxWaitMs` while it keeps
 * changing. `flush` saves at once (leaving the page); saves never overlap and run in order.
 */
export function autosaver<T>(options: AutosaveOptions<T>) {
	const delay = options.delayMs ?? 2_000;
	const maxWait = options.maxWaitMs ?? 5_000;
	const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
	const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
	const clock = options.clock ?? (() => new Date());
	let pending: { value: T } | undefined;
	let timer: unknown;
	let firstChangeAt: number | undefined;
	let chain: Promise<void> = Promise.resolve();

	function flush(): Promise<void> {
		if (timer !== undefined) clearTimer(timer);
		timer = undefined;
		firstChangeAt = undefined;
		const next = pending;
		pending = undefined;
		if (!next) return chain;
		chain = chain.then(async () => {
			try {
				await options.save(next.value);
				options.onSaved?.(clock());
			} catch (error) {
				options.onError?.(error);
			}
		});
		return chain;
	}

	return {
		change(value: T): void {
			pending = { value };
			const at = clock().getTime();
			firstChangeAt ??= at;
			if (timer !== undefined) clearTimer(timer);
			const wait = Math.max(0, Math.min(delay, firstChangeAt + maxWait - at));
			timer = setTimer(() => void flush(), wait);
		},
		flush,
		/** Drops a change not yet saved (the draft was submitted or thrown away). */
		cancel(): void {
			if (timer !== undefined) clearTimer(timer);
			timer = undefined;
			pending = undefined;
			firstChangeAt = undefined;
		},
		get waiting(): boolean {
			return pending !== undefined;
		}
	};
}
