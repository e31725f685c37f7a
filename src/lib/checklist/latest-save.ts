/**
 * Saves one thing's successive versions one at a time, newest last: while a save runs, further
 * versions wait, and only the newest of them is written next. Typing fast never writes
 * out of order, and never queues a write per keystroke.
 */
export function latestSave<T, R>(write: (value: T) => Promise<R>, onResult: (result: R, value: T) => void) {
	let waiting: { value: T } | undefined;
	let running: Promise<void> | undefined;

	async function drain(): Promise<void> {
		try {
			while (waiting) {
				const { value } = waiting;
				waiting = undefined;
				onResult(await write(value), value);
			}
		} finally {
			running = undefined;
		}
	}

	return {
		save(value: T): Promise<void> {
			waiting = { value };
			running ??= drain();
			return running;
		},
		/** True while a version is being written or waits to be. */
		get busy(): boolean {
			return running !== undefined;
		},
		/** True when a newer version waits behind the one being written. */
		get queued(): boolean {
			return waiting !== undefined;
		},
		/** Resolves once everything handed over so far is written. */
		settled(): Promise<void> {
			return running ?? Promise.resolve();
		}
	};
}
