// What every results file carries: the machine (with its load before and after, since this one is
// shared), the versions measured, the date, and figures as min / median / max over repeated runs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Spread {
	min: number;
	median: number;
	max: number;
	runs: number[];
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export function spread(runs: number[], digits = 1): Spread {
	if (runs.length === 0) throw new Error('A figure needs at least one run');
	return { min: round(Math.min(...runs), digits), median: round(median(runs), digits), max: round(Math.max(...runs), digits), runs: runs.map((r) => round(r, digits)) };
}

const load = () => loadavg().map((n) => round(n, 2));
const versionOf = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

function chromiumVersion(): string {
	try {
		return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
	} catch {
		return 'unknown';
	}
}

/** Call at the start of a benchmark; `write` at the end adds the machine, versions and dates. */
export function startResult(name: string) {
	const started = new Date();
	const loadBefore = load();
	return {
		async write(body: Record<string, unknown>): Promise<void> {
			const cpu = cpus();
			const result = {
				benchmark: name,
				date: new Date().toISOString(),
				startedAt: started.toISOString(),
				wallSeconds: round((Date.now() - started.getTime()) / 1000, 1),
				machine: { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: round(totalmem() / 2 ** 30, 1), loadAverageBefore: loadBefore, loadAverageAfter: load() },
				versions: { node: process.version, chromium: chromiumVersion(), pouchdb: versionOf('pouchdb'), dexie: versionOf('dexie'), fastify: versionOf('fastify') },
				...body
			};
			await writeFile(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
			console.log(`→ bench/results/${name}.json`);
		}
	};
}
