// `npm run bench`: the build, then every benchmark, one after another (never side by side: they
// would measure each other), then the README table from the results. Each step's wall and CPU time
// (its own and its children's: server, store, Chromium) and the whole suite's go to
// bench/results/run-all.json, which the table uses to mark figures older than this run.
// Names run only those, without the build: `npx tsx bench/run-all.ts server-load offline-start`
// (add `--build` to build first).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startResult } from './lib/result.js';

/** In the order that keeps the heavy browser runs apart from the server load. */
const BENCHES: Record<string, string> = {
	'shell-size': 'bench/shell-size.ts',
	'offline-start': 'bench/offline-start.ts',
	'facilitator-pull': 'bench/facilitator-pull.ts',
	'device-store': 'bench/device-store/run.ts',
	'initial-sync': 'bench/initial-sync/run.ts',
	'server-load': 'bench/server-load/run.ts'
};
const BUDGET_MINUTES = 15;

const args = process.argv.slice(2);
const asked = args.filter((a) => !a.startsWith('--'));
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) throw new Error(`No benchmark called ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`);
const chosen = asked.length > 0 ? asked : Object.keys(BENCHES);
const build = asked.length === 0 || args.includes('--build');

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** CPU seconds of the children this process has waited for (and theirs, as each waited for its own). */
function childrenCpuSeconds(): number {
	const stat = readFileSync('/proc/self/stat', 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// After the name: field 16 (cutime) and 17 (cstime) of proc(5) are at 13 and 14 here.
	return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}
const load = () => loadavg().map((n) => Number(n.toFixed(2)));
const r1 = (n: number) => Number(n.toFixed(1));

interface Step {
	name: string;
	ok: boolean;
	exitCode: number | null;
	wallSeconds: number;
	cpuSeconds: number;
	loadBefore: number[];
	loadAfter: number[];
}

function step(name: string, command: string, commandArgs: string[]): Step {
	const [t0, cpu0, loadBefore] = [performance.now(), childrenCpuSeconds(), load()];
	console.log(`\n=== ${name} (load average ${loadBefore.join(' ')}) ===`);
	const run = spawnSync(command, commandArgs, { stdio: 'inherit' });
	const done: Step = { name, ok: run.status === 0, exitCode: run.status, wallSeconds: r1((performance.now() - t0) / 1000), cpuSeconds: r1(childrenCpuSeconds() - cpu0), loadBefore, loadAfter: load() };
	console.log(`=== ${name}: ${done.ok ? 'done' : `FAILED (exit ${run.status})`} in ${done.wallSeconds.toFixed(0)} s, ${done.cpuSeconds.toFixed(0)} s of CPU ===`);
	return done;
}

const result = startResult('run-all');
const started = performance.now();
const steps: Step[] = [];
if (build) steps.push(step('build', 'npm', ['run', 'build', '--silent']));
if (steps.every((s) => s.ok)) for (const name of chosen) steps.push(step(name, process.execPath, ['--import', 'tsx', BENCHES[name]!]));
const wallMinutes = r1((performance.now() - started) / 60_000);
const failed = steps.filter((s) => !s.ok).map((s) => s.name);
await result.write({
	how: `bench/run-all.ts: ${build ? 'the build, then ' : ''}each benchmark as its own process, one after another. Wall time per step and in all; CPU time is the step's process and everything it waited for (server, store, Chromium), from /proc.`,
	complete: build && asked.length === 0 && failed.length === 0,
	benchmarks: chosen,
	env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_'))),
	wallMinutes,
	cpuMinutes: r1(steps.reduce((sum, s) => sum + s.cpuSeconds, 0) / 60),
	budgetMinutes: BUDGET_MINUTES,
	withinBudget: wallMinutes < BUDGET_MINUTES,
	steps,
	failed
});
spawnSync(process.execPath, ['--import', 'tsx', 'bench/report.ts'], { stdio: 'inherit' });
console.log(`\nAll: ${wallMinutes} min (budget ${BUDGET_MINUTES})${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length > 0 ? 1 : 0);
