// `npm run bench`: every benchmark, one after another (never side by side: they would measure each
// other), then the README table from the results. Names run only those: `npx tsx bench/run-all.ts
// server-load offline-start`. Expects a fresh `npm run build` (the npm script does it first).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** In the order that keeps the heavy browser runs apart from the server load. */
const BENCHES: Record<string, string> = {
	'shell-size': 'bench/shell-size.ts',
	'offline-start': 'bench/offline-start.ts',
	'facilitator-pull': 'bench/facilitator-pull.ts',
	'device-store': 'bench/device-store/run.ts',
	'initial-sync': 'bench/initial-sync/run.ts',
	'server-load': 'bench/server-load/run.ts'
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) throw new Error(`No benchmark called ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`);
const chosen = asked.length > 0 ? asked : Object.keys(BENCHES);
const started = performance.now();
const failed: string[] = [];
for (const name of chosen) {
	const t0 = performance.now();
	console.log(`\n=== ${name} (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}) ===`);
	const run = spawnSync(process.execPath, ['--import', 'tsx', BENCHES[name]!], { stdio: 'inherit' });
	if (run.status !== 0) failed.push(name);
	console.log(`=== ${name}: ${run.status === 0 ? 'done' : `FAILED (exit ${run.status})`} in ${((performance.now() - t0) / 1000).toFixed(0)} s ===`);
}
spawnSync(process.execPath, ['--import', 'tsx', 'bench/report.ts'], { stdio: 'inherit' });
console.log(`\nAll benchmarks: ${((performance.now() - started) / 60_000).toFixed(1)} min${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length > 0 ? 1 : 0);
