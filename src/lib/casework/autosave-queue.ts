export type AutosaveState = 'idle' | 'waiting' | 'saving' | 'saved' | 'refused' | 'failed';

export interface AutosaveOptions<T> {
	/** Quiet time after the last keystroke before saving. */
	delayMs: number;
	/** Longest a change waits while the person keeps typing, so long writing is saved every few seconds. */
	maxWaitMs: number;
	/** Saves one value; false when the value was refused (the caller shows why). */
	save: (value: T) => Promise<boolean>;
	onState: (state: AutosaveState) => void;
	timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

/**
 * Saves the latest value after a pause in typing. Saves never overlap: a change made during a
 * save is saved after it, so the last words typed are always the last words stored.
 */
export function createAutosave<T>(options: AutosaveOptions<T>) {
	const timers = options.timers ?? { set: (run: () => void, ms: number) => setTimeout(run, ms), clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
	let pending: { value: T } | undefined;
	let quiet: unknown;
	let longest: unknown;
	let running: Promise<void> | undefined;

	const stopTimers = () => {
		if (quiet !== undefined) timers.clear(quiet);
		if (longest !== undefined) timers.clear(longest);
		quiet = longest = undefined;
	};

	async function run(): Promise<void> {
		while (pending) {
			const { value } = pending;
			pending = undefined;
			options.onState('saving');
			try {
				const saved = await options.save(value);
				if (!pending) options.onState(saved ? 'saved' : 'refused');
			} catch {
				if (!pending) options.onState('failed');
			}
		}
	}

	function flush(): Promise<void> {
		stopTimers();
		if (!running) running = run().finally(() => (running = undefined));
		return running;
	}

	return {
		change(value: T): void {
			pending = { value };
			options.onState('waiting');
			if (quiet !== undefined) timers.clear(quiet);
			quiet = timers.set(() => void flush(), options.delayMs);
			longest ??= timers.set(() => void flush(), options.maxWaitMs);
		},
		/** Saves now whatever is waiting (leaving the page, pressing a button); resolves when stored. */
		async flush(): Promise<void> {
			await flush();
			// A change typed during that save is stored too before this resolves.
			if (pending) await flush();
		},
		get waiting(): boolean {
			return pending !== undefined || running !== undefined;
		}
	};
}
