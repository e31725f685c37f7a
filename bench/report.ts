// Regenerates the table in bench/README.md from bench/results/*.json: every figure the issue asks
// for, its goal, and met or not met. Writes between the markers; the rest of the README is prose.
// Run: npx tsx bench/report.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rows, type Results } from './report-rows.js';

const START = '<!-- bench-table:start (written by bench/report.ts from bench/results/*.json; do not edit by hand) -->';
const END = '<!-- bench-table:end -->';
const NAMES = ['initial-sync', 'catch-up', 'device-store', 'facilitator-pull', 'server-load', 'shell-size', 'offline-start'] as const;

const results: Results = {};
for (const name of NAMES) {
	const path = `bench/results/${name}.json`;
	if (existsSync(path)) results[name] = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const table = [
	'| figure | result: median (min–max) | goal | met? | measured |',
	'| --- | --- | --- | --- | --- |',
	...rows(results).map((r) => `| ${r.figure} | ${r.result} | ${r.goal} | ${r.met === undefined ? '—' : r.met ? 'met' : '**not met**'} | ${r.source} |`)
];
const machines = NAMES.flatMap((name) => {
	const m = results[name]?.machine as { cpu: string; cores: number; memoryGiB: number; loadAverageBefore: number[]; loadAverageAfter: number[] } | undefined;
	const date = results[name]?.date as string | undefined;
	return m ? [`\`${name}\` ${date?.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, load average (1/5/15 min) ${m.loadAverageBefore.join('/')} before, ${m.loadAverageAfter.join('/')} after`] : [];
});
const versions = Object.values(results).find((r) => r?.versions)?.versions as Record<string, string> | undefined;
const block = [
	START,
	'',
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
