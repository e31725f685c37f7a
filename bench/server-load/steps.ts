// Open-loop load: syncs start at a fixed rate whatever the answers' speed (a closed loop would slow
// down with the server and hide the queue). A device syncs one at a time, as a tablet does; a start
// that finds every device busy is counted as missed, so a rate the devices cannot keep up is not
// reported as sustained.
import { performance } from 'node:perf_hooks';
import { percentile } from '../lib/result.js';

export interface StepResult {
	devices: number;
	targetPerSecond: number;
	achievedPerSecond: number;
	syncs: number;
	errors: number;
	missedStarts: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
	firstError?: string;
	serverRssMiB?: number;
	storeRssMiB?: number;
}

const r1 = (n: number) => Number(n.toFixed(1));

/** Runs `rate` syncs a second for `seconds` over devices 0..devices-1, then waits for every answer. */
export async function runStep(devices: number, rate: number, seconds: number, sync: (device: number) => Promise<unknown>): Promise<StepResult> {
	const busy = new Set<number>();
	const times: number[] = [];
	const inFlight: Promise<void>[] = [];
	let [errors, missed, next] = [0, 0, 0];
	let firstError: string | undefined;
	const total = Math.round(rate * seconds);
	const started = performance.now();
	for (let i = 0; i < total; i++) {
		const due = started + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
		let device = -1;
		for (let tries = 0; tries < devices; tries++, next = (next + 1) % devices)
			if (!busy.has(next)) {
				device = next;
				next = (next + 1) % devices;
				break;
			}
		if (device < 0) {
			missed++;
			continue;
		}
		busy.add(device);
		const t0 = performance.now();
		inFlight.push(
			sync(device).then(
				() => void times.push(performance.now() - t0),
				(error: unknown) => {
					errors++;
					firstError ??= String(error instanceof Error ? error.message : error);
				}
			).finally(() => busy.delete(device))
		);
	}
	const sent = performance.now() - started;
	await Promise.all(inFlight);
	const ok = times.length;
	return {
		devices,
		targetPerSecond: rate,
		achievedPerSecond: r1((ok + errors) / (Math.max(sent, 1000 * seconds) / 1000)),
		syncs: ok,
		errors,
		missedStarts: missed,
		p50Ms: r1(percentile(times, 50)),
		p95Ms: r1(percentile(times, 95)),
		p99Ms: r1(percentile(times, 99)),
		maxMs: r1(Math.max(0, ...times)),
		...(firstError ? { firstError } : {})
	};
}

/** Sustained: p99 under the limit, nothing failed, every start found a free device, and the rate was kept. */
export const sustained = (step: StepResult, p99LimitMs: number) =>
	step.errors === 0 && step.missedStarts === 0 && step.p99Ms < p99LimitMs && step.achievedPerSecond >= 0.95 * step.targetPerSecond;

/** Every device at once: `count` syncs started together. */
export async function burst(count: number, sync: (device: number) => Promise<unknown>): Promise<StepResult> {
	return runStep(count, count * 1000, count / (count * 1000), sync).then((step) => ({ ...step, targetPerSecond: count, achievedPerSecond: step.syncs }));
}
