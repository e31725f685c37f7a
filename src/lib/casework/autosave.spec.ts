import { describe, expect, it } from 'vitest';
import { autosaver } from './autosave.js';

/** A hand-driven clock and timer queue, so the test decides when time passes. */
function fakeTime() {
	let now = 0;
	let timers: { at: number; run: () => void; id: number }[] = [];
	let serial = 0;
	return {
		clock: () => new Date(now),
		setTimer: (run: () => void, ms: number) => (timers.push({ at: now + ms, run, id: ++serial }), serial),
		clearTimer: (id: unknown) => (timers = timers.filter((t) => t.id !== id)),
		async advance(ms: number) {
			now += ms;
			const due = timers.filter((t) => t.at <= now);
			timers = timers.filter((t) => t.at > now);
			for (const t of due) t.run();
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
	};
}

describe('autosave', () => {
	it('saves the latest text a couple of seconds after typing stops', async () => {
		const time = fakeTime();
		const saved: string[] = [];
		const auto = autosaver<string>({ save: async (v) => void saved.push(v), delayMs: 2_000, ...time });
		auto.change('S');
		await time.advance(1_000);
		auto.change('Sam');
		await time.advance(1_999);
		expect(saved).toEqual([]);
		await time.advance(1);
		expect(saved).toEqual(['Sam']);
	});

	it('saves at least every few seconds while someone keeps typing', async () => {
		const time = fakeTime();
		const saved: string[] = [];
		const auto = autosaver<string>({ save: async (v) => void saved.push(v), delayMs: 2_000, maxWaitMs: 5_000, ...time });
		for (let i = 1; i <= 6; i++) {
			auto.change(`text ${i}`);
			await time.advance(1_000);
		}
		expect(saved).toEqual(['text 5']);
	});

	it('saves at once on flush, and not again for the same change', async () => {
		const time = fakeTime();
		const saved: string[] = [];
		const auto = autosaver<string>({ save: async (v) => void saved.push(v), ...time });
		auto.change('leaving the page');
		await auto.flush();
		await time.advance(10_000);
		expect(saved).toEqual(['leaving the page']);
		expect(auto.waiting).toBe(false);
	});

	it('reports a failed save and saves the next change', async () => {
		const time = fakeTime();
		const errors: unknown[] = [];
		let fail = true;
		const saved: string[] = [];
		const auto = autosaver<string>({
			save: async (v) => {
				if (fail) throw new Error('The vault is locked');
				saved.push(v);
			},
			onError: (e) => errors.push(e),
			...time
		});
		auto.change('one');
		await auto.flush();
		fail = false;
		auto.change('two');
		await auto.flush();
		expect(errors).toHaveLength(1);
		expect(saved).toEqual(['two']);
	});

	it('drops a change on cancel (the note was saved or thrown away)', async () => {
		const time = fakeTime();
		const saved: string[] = [];
		const auto = autosaver<string>({ save: async (v) => void saved.push(v), ...time });
		auto.change('typed');
		auto.cancel();
		await time.advance(10_000);
		await auto.flush();
		expect(saved).toEqual([]);
	});
});
