import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type AutosaveState } from './autosave-queue.js';

describe('autosave', () => {
	let saved: string[];
	let states: AutosaveState[];
	let outcome: () => Promise<boolean>;
	const make = () =>
		createAutosave<string>({
			delayMs: 1_000,
			maxWaitMs: 5_000,
			save: async (value) => (saved.push(value), outcome()),
			onState: (state) => states.push(state)
		});

	beforeEach(() => {
		vi.useFakeTimers();
		saved = [];
		states = [];
		outcome = async () => true;
	});
	afterEach(() => vi.useRealTimers());

	it('saves the latest words once the person pauses typing', async () => {
		const autosave = make();
		autosave.change('I');
		autosave.change('I am');
		await vi.advanceTimersByTimeAsync(999);
		expect(saved).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(saved).toEqual(['I am']);
		expect(states.at(-1)).toBe('saved');
	});

	it('saves every few seconds while the person keeps typing', async () => {
		const autosave = make();
		for (let i = 1; i <= 12; i++) {
			autosave.change(`word ${i}`);
			await vi.advanceTimersByTimeAsync(500);
		}
		expect(saved).toEqual(['word 10']);
	});

	it('saves at once when flushed, and the words typed during a save after it', async () => {
		let release: () => void = () => {};
		outcome = () => new Promise<boolean>((resolve) => (release = () => resolve(true)));
		const autosave = make();
		autosave.change('first');
		const done = autosave.flush();
		autosave.change('second');
		release();
		await vi.advanceTimersByTimeAsync(0);
		release();
		await done;
		expect(saved).toEqual(['first', 'second']);
		expect(autosave.waiting).toBe(false);
	});

	it('says when a save was refused or failed', async () => {
		const autosave = make();
		outcome = async () => false;
		autosave.change('');
		await autosave.flush();
		expect(states.at(-1)).toBe('refused');
		outcome = async () => Promise.reject(new Error('locked'));
		autosave.change('text');
		await autosave.flush();
		expect(states.at(-1)).toBe('failed');
	});
});
