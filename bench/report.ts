// Regenerates the table in bench/README.md from bench/results/*.json: every figure the issue asks
// for, its goal, and met or not met. Writes between the markers; the rest of the README is prose.
// Run: npx tsx bench/report.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rows, type Results } from './report-rows.js';

interface SuiteRun {
	startedAt: string;
	complete: boolean;
	benchmarks: string[];
	env: Record<string, string>;
	wallMinutes: number;
	cpuMinutes: number;
	budgetMinutes: number;
	withinBudget: boolean;
	failed: string[];
	steps: { name: string; wallSeconds: number; cpuSeconds: number }[];
}
const minutes = (seconds: number) => (seconds >= 60 ? `${(seconds / 60).toFixed(1)} min` : `${seconds.toFixed(0)} s`);

const START = '<!-- bench-table:start (written by bench/report.ts from bench/results/*.json; do not edit by hand) -->';
const END = '<!-- bench-table:end -->';
const NAMES = ['initial-sync', 'catch-up', 'device-store', 'facilitator-pull', 'server-load', 'shell-size', 'offline-start'] as const;

const results: Results = {};
for (const name of NAMES) {
	const path = `bench/results/${name}.json`;
	if (existsSync(path)) results[name] = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// A figure from before the last `npm run bench` (or `run-all.ts <names>`) started is marked stale.
const suite = existsSync('bench/results/run-all.json') ? (JSON.parse(readFileSync('bench/results/run-all.json', 'utf8')) as SuiteRun) : undefined;
const staleNote = (source: string) => {
	const name = /`([a-z-]+)`/.exec(source)?.[1];
	const at = name ? ((results[name]?.startedAt ?? results[name]?.date) as string | undefined) : undefined;
	if (!suite || !name || (at && at >= suite.startedAt)) return '';
	return ` — **stale** (${at ? at.slice(0, 10) : 'undated'}, before the last run)`;
};
const table = [
	'| figure | result: median (min–max) | goal | met? | measured |',
	'| --- | --- | --- | --- | --- |',
	...rows(results).map((r) => `| ${r.figure} | ${r.result} | ${r.goal} | ${r.met === undefined ? '—' : r.met ? 'met' : '**not met**'} | ${r.source}${staleNote(r.source)} |`)
];
const suiteLine = suite
	? [
			`Last run of ${suite.complete ? 'the whole suite (`npm run bench`)' : `\`bench/run-all.ts ${suite.benchmarks.join(' ')}\``}: ${suite.startedAt.slice(0, 16).replace('T', ' ')} UTC, **${suite.wallMinutes} min** wall time${suite.complete ? ` (budget ${suite.budgetMinutes} min: ${suite.withinBudget ? 'within' : '**over**'})` : ''}, ${suite.cpuMinutes} min of CPU${Object.keys(suite.env).length ? ` (${Object.entries(suite.env).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}${suite.failed.length ? `; **failed: ${suite.failed.join(', ')}**` : ''}. Per step, wall / CPU: ${suite.steps.map((x) => `${x.name} ${minutes(x.wallSeconds)} / ${minutes(x.cpuSeconds)}`).join(', ')}.`,
			''
		]
	: [];
const machines = NAMES.flatMap((name) => {
	const m = results[name]?.machine as { cpu: string; cores: number; memoryGiB: number; loadAverageBefore: number[]; loadAverageAfter: number[] } | undefined;
	const date = results[name]?.date as string | undefined;
	return m ? [`\`${name}\` ${date?.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, load average (1/5/15 min) ${m.loadAverageBefore.join('/')} before, ${m.loadAverageAfter.join('/')} after`] : [];
});
const versions = Object.values(results).find((r) => r?.versions)?.versions as Record<string, string> | undefined;
const block = [
	START,
	'',
	...suiteLine,
	...table,
	'',
	`Versions: ${versions ? Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ') : 'unknown'}.`,
	'',
	'Machines and load, per results file:',
	'',
	...machines.map((line) => `- ${line}`),
	'',
	END
].join('\n');

const readme = readFileSync('bench/README.md', 'utf8');
const [at, end] = [readme.indexOf(START), readme.indexOf(END)];
if (at < 0 || end < 0) throw new Error('bench/README.md has lost its table markers');
writeFileSync('bench/README.md', `${readme.slice(0, at)}${block}${readme.slice(end + END.length)}`);
console.log(table.join('\n'));
