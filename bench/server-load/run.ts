// Server under load, loopback: `tsx server/main.ts` (embedded store) with up to 500 simulated
// tablets, each signed in as its own device, doing catch-up syncs (3 notes up, the changes of its
// co-facilitator and its twin device down). For 50, 200 and 500 devices the rate of syncs per
// second is stepped up until p99 reaches 500 ms, a sync fails, or the devices cannot keep up; then
// 500 syncs at once. The same store requests sent straight to the store with nano are the ceiling.
// Run: npx tsx bench/server-load/run.ts → bench/results/server-load.json
//   BENCH_QUICK=1: shorter steps; BENCH_CPU_PROF=<dir>: the server writes a CPU profile there.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, startServer } from '../initial-sync/server.js';
import { spread, startResult } from '../lib/result.js';
import { ceilingClient } from './ceiling.js';
import { SimDevice } from './device.js';
import { memoryOf } from './memory.js';
import { LOAD_PASSWORD, seededLoadDir } from './seed.js';
import { burst, runStep, sustained, type StepResult } from './steps.js';

const USERS = Number(process.env.BENCH_LOAD_USERS ?? 250);
const CASES_EACH = Number(process.env.BENCH_LOAD_CASES ?? 6);
const CHANGES = 3;
const DEVICE_COUNTS = [50, 200, 500].filter((n) => n <= 2 * USERS);
const RATES = (process.env.BENCH_LOAD_RATES ?? '2,5,10,20,35,50,70,100,130,170,220,300,400').split(',').map(Number);
const STEP_SECONDS = process.env.BENCH_QUICK ? 3 : 5;
/** One burst by default: on a loaded 2-core machine 500 syncs at once take minutes to drain. */
const BURSTS = Number(process.env.BENCH_BURSTS ?? 1);
const P99_LIMIT_MS = 500;
/** Sign-ins and first pulls in flight at once during set-up (untimed): enough to keep both cores busy, few enough not to time out. */
const SETUP_WIDTH = Number(process.env.BENCH_SETUP_WIDTH ?? 16);

const result = startResult('server-load');
const log = (line: string) => console.log(`[server-load] ${line}`);
async function inParallel<T>(items: T[], width: number, each: (item: T) => Promise<unknown>): Promise<void> {
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < items.length) await each(items[next++]!);
	}));
}

/** Steps the rate up from `from` until it is no longer sustained; answers every step and the best. */
async function search(devices: number, from: number, sync: (device: number) => Promise<unknown>, pid?: number) {
	const steps: StepResult[] = [];
	for (const rate of RATES.filter((r) => r >= from)) {
		const step = { ...(await runStep(devices, rate, STEP_SECONDS, sync)), ...(pid ? memoryOf(pid) : {}) };
		steps.push(step);
		log(`${devices} devices @ ${rate}/s: p50/p95/p99 ${step.p50Ms}/${step.p95Ms}/${step.p99Ms} ms, ${step.errors} errors, ${step.missedStarts} missed${step.serverRssMiB ? `, RSS ${step.serverRssMiB} MiB` : ''}`);
		if (!sustained(step, P99_LIMIT_MS)) break;
	}
	const best = steps.filter((s) => sustained(s, P99_LIMIT_MS)).at(-1);
	return { devices, best, beyond: steps.find((s) => !sustained(s, P99_LIMIT_MS)), steps };
}

const profileDir = process.env.BENCH_CPU_PROF;
const folder = await seededLoadDir(USERS, CASES_EACH);
const [dataDir, seeded, seedSeconds] = [folder.dir, folder.meta, folder.seconds];
log(`${seeded.users.length} facilitators, ${seeded.records} records ${folder.fromCache ? 'copied from the cache' : 'seeded'} in ${seedSeconds.toFixed(1)} s`);
const [port, storePort] = [await freePort(), await freePort()];
const server = await startServer(dataDir, port, storePort, profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
try {
	const devices = seeded.users.flatMap((user) => [new SimDevice(server.url, user), new SimDevice(server.url, user)]);
	let t0 = performance.now();
	await inParallel(devices, SETUP_WIDTH, (d) => d.signIn(LOAD_PASSWORD));
	const signInSeconds = (performance.now() - t0) / 1000;
	log(`${devices.length} devices signed in in ${signInSeconds.toFixed(1)} s`);
	// First pulls, untimed: one per facilitator, the checkpoints copied to its twin (they hold the same cases).
	t0 = performance.now();
	await inParallel(devices.filter((_, i) => i % 2 === 0), SETUP_WIDTH, async (d) => {
		await d.pull();
		devices[devices.indexOf(d) + 1]!.checkpoints = structuredClone(d.checkpoints);
	});
	const firstPullSeconds = (performance.now() - t0) / 1000;
	log(`first pulls in ${firstPullSeconds.toFixed(1)} s`);
	const sync = (i: number) => devices[i]!.sync(CHANGES);
	await runStep(50, 20, 2, sync); // warm-up
	const byDevices = [];
	let from = RATES[0]!;
	for (const count of DEVICE_COUNTS) {
		const found = await search(count, from, sync, server.pid);
		byDevices.push(found);
		// More devices do not make the server faster: start the next search a step below this best.
		from = RATES[Math.max(0, RATES.indexOf(found.best?.targetPerSecond ?? RATES[0]!) - 1)]!;
	}
	const bursts: StepResult[] = [];
	for (let b = 0; b < BURSTS; b++) {
		bursts.push({ ...(await burst(devices.length, sync)), ...memoryOf(server.pid) });
		log(`burst of ${devices.length}: p99 ${bursts.at(-1)!.p99Ms} ms, ${bursts.at(-1)!.errors} errors`);
	}
	const received = devices.reduce((sum, d) => sum + d.received, 0);
	// The ceiling, on the same store while the server idles.
	const auth = JSON.parse(await readFile(join(dataDir, 'store-admin.json'), 'utf8')) as { username: string; password: string };
	const ceiling = ceilingClient(`http://127.0.0.1:${storePort}`, auth);
	const ceilingSync = (i: number) => ceiling.sync(devices[i]!.user, devices[i]!.deviceId, 'session:load', CHANGES);
	const ceilingSearch = await search(devices.length, RATES[0]!, ceilingSync);

	const best = byDevices.map((d) => d.best?.targetPerSecond ?? 0);
	await result.write({
		how: `Loopback. A fresh data folder: ${USERS} facilitators in co-facilitating pairs, ${CASES_EACH} cases each (${seeded.records} records, 25 a case from the shared generator); \`tsx server/main.ts\` with its embedded store as a child process. ${devices.length} simulated devices (2 per facilitator), each signed in with POST /api/session as its own device; after one untimed first pull, a catch-up sync is GET /api/health, POST /api/sync/push of ${CHANGES} new notes (all must be applied), POST /api/sync/pull-stream from its checkpoints (to the last page). Open loop: syncs start at the target rate for ${STEP_SECONDS} s a step over the first N devices, one sync per device at a time; a step is sustained when p99 < ${P99_LIMIT_MS} ms, no errors, no start found every device busy, and ≥ 95 % of the rate was kept. The load generator runs on the same 2 cores. Ceiling: the same store requests (authentication reads, the push's reads and bulk writes, the pull's listing, bodies and audit) sent with nano to the same store, no HTTP server.`,
		setup: { facilitators: USERS, devices: devices.length, casesPerFacilitator: CASES_EACH, records: seeded.records, changesUpPerSync: CHANGES, seedSeconds: Number(seedSeconds.toFixed(1)), signInSeconds: Number(signInSeconds.toFixed(1)), firstPullSeconds: Number(firstPullSeconds.toFixed(1)), setupWidth: SETUP_WIDTH, recordsPulledInTotal: received, stepSeconds: STEP_SECONDS },
		sustained: { bestPerSecond: Math.max(...best), byDevices: Object.fromEntries(byDevices.map((d) => [d.devices, { bestPerSecond: d.best?.targetPerSecond ?? 0, atBest: d.best, firstNotSustained: d.beyond, steps: d.steps }])) },
		burst: { devices: devices.length, p99Ms: spread(bursts.map((b) => b.p99Ms)), p50Ms: spread(bursts.map((b) => b.p50Ms)), errors: bursts.reduce((sum, b) => sum + b.errors, 0), runs: bursts },
		ceiling: { bestPerSecond: ceilingSearch.best?.targetPerSecond ?? 0, atBest: ceilingSearch.best, firstNotSustained: ceilingSearch.beyond, steps: ceilingSearch.steps },
		goals: { sustainedPerSecond: '≥ 100 with p99 < 500 ms and zero errors', burst: '500 at once, zero errors' }
	});
} finally {
	await server.stop();
	await rm(dataDir, { recursive: true, force: true });
}
