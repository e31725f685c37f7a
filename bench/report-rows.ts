// The README table's rows from the results files: each figure, its goal, met or not met.
import type { Spread } from './lib/result.js';

export type Results = Partial<Record<string, Record<string, unknown>>>;
export interface Row {
	figure: string;
	result: string;
	goal: string;
	met?: boolean;
	source: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- results files are read as loose JSON */
const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const sp = (x: Spread | undefined, unit = s) => (x ? `${unit(x.median)} (${unit(x.min)}–${unit(x.max)})` : 'not measured');
const missing = (figure: string, goal: string, source: string): Row => ({ figure, result: 'not measured in this run', goal, source });

/** Results written before the shared format carry only a median. */
const ms = (x: any): Spread => x.ms ?? { min: x.medianMs, median: x.medianMs, max: x.medianMs, runs: x.runsMs ?? [] };
const older = (r: any) => (r.machine ? '' : ' (older format: median only)');

/** The engine with its pages prepared on the page's thread, as before the page worker (bench/initial-sync/run.ts). */
const IN_THREAD = 'engine, pages prepared on the page';

function initialSync(r: any): Row[] {
	const src = `\`initial-sync\`${r ? older(r) : ''}`;
	if (!r) return [missing('Initial sync, 40 cases / 5,000 records', 'PouchDB ÷ engine ≥ 5', src)];
	const pouch = Object.keys(r.ways).filter((w) => w.startsWith('pouchdb'));
	const best = (link: string) => pouch.reduce((a, b) => (ms(r.ways[a][link]).median <= ms(r.ways[b][link]).median ? a : b));
	return ['loopback', 'tablet'].flatMap((link) => {
		const engine = ms(r.ways.engine[link]);
		const floor = ms(r.ways.floor[link]);
		const rows: Row[] = [
			{ figure: `Initial sync (${link === 'tablet' ? 'tablet link' : 'loopback'}): engine into the encrypted store vs best PouchDB (${best(link).slice(9)})`, result: `engine ${sp(engine)}; PouchDB ${sp(ms(r.ways[best(link)][link]))}; ratio ${r.ratios[link].pouchOverEngine}`, goal: 'PouchDB ÷ engine ≥ 5', met: r.ratios[link].pouchOverEngine >= 5, source: src }
		];
		const onPage = r.ways[IN_THREAD]?.[link];
		if (onPage) rows.push({ figure: `Initial sync (${link === 'tablet' ? 'tablet link' : 'loopback'}): pages prepared in the page worker (the app) vs on the page's own thread`, result: `worker ${sp(engine)}; on the page ${sp(ms(onPage))}`, goal: 'reported', source: src });
		if (link === 'loopback') rows.push({ figure: 'Initial sync (loopback): engine vs the plain Dexie `bulkPut` floor', result: `floor ${sp(floor)}; ratio ${r.ratios.loopback.engineOverFloor}`, goal: 'engine ÷ floor ≤ 1.3', met: r.ratios.loopback.engineOverFloor <= 1.3, source: src });
		else rows.push({ figure: 'Initial sync (tablet link): engine vs the bandwidth floor (caseload gzipped ÷ 20 Mbit/s)', result: `floor ${s(r.bandwidthFloorMs)}; ratio ${r.ratios.tablet.engineOverBandwidthFloor}`, goal: 'engine ÷ bandwidth floor ≤ 2', met: r.ratios.tablet.engineOverBandwidthFloor <= 2, source: src });
		return rows;
	});
}

function catchUp(initial: any, only: any): Row {
	const r = [initial, only].filter(Boolean).sort((a, b) => String(b.date).localeCompare(String(a.date)))[0];
	if (!r) return missing("A day's catch-up sync (50 up, 50 down), loopback", '< 300 ms', '`initial-sync`');
	const lb = r.catchUp.loopback;
	const phase = (spread: Spread | undefined, median: number) => sp(spread ?? { min: median, median, max: median, runs: [] });
	return { figure: "A day's catch-up sync (50 notes up, 50 edits down), loopback", result: `${sp(ms(lb))} (push ${phase(lb.pushMs, lb.medianPushMs)}, pull ${phase(lb.pullMs, lb.medianPullMs)})`, goal: '< 300 ms', met: ms(lb).median < 300, source: `${r === initial ? '`initial-sync`' : '`catch-up`'}${older(r)}` };
}

function deviceStore(r: any): Row[] {
	const src = '`device-store`';
	if (!r) return [missing('Encrypted save, 10,000 records on the device', 'p95 < 5 ms', src)];
	const p95 = (x: any) => `p95 ${sp(x.encrypted.p95)} (plain Dexie ${sp(x.plain.p95)})`;
	return [
		{ figure: 'Encrypted save of a note, 10,000 records on the device', result: p95(r.saveNoteWith10000RecordsMs), goal: 'p95 < 5 ms', met: r.saveNoteWith10000RecordsMs.encrypted.p95.median < 5, source: src },
		{ figure: 'Open a case, 10,000 records on the device', result: p95(r.openCaseWith10000RecordsMs), goal: 'p95 < 50 ms', met: r.openCaseWith10000RecordsMs.encrypted.p95.median < 50, source: src },
		{ figure: 'Search people by name, 10,000 records on the device', result: p95(r.searchByNameOver10000RecordsMs), goal: 'p95 < 100 ms', met: r.searchByNameOver10000RecordsMs.encrypted.p95.median < 100, source: src },
		{ figure: 'Bulk load of 5,000 records: encrypted vs plain Dexie', result: `${sp(r.bulkLoad5000Ms.encrypted)} vs ${sp(r.bulkLoad5000Ms.plain)}; ratio ${r.bulkLoad5000Ms.ratio}`, goal: '≤ 1.2×', met: r.bulkLoad5000Ms.ratio <= 1.2, source: src }
	];
}

function serverLoad(r: any): Row[] {
	const src = '`server-load`';
	if (!r) return [missing('Catch-up syncs per second, p99 < 500 ms, zero errors', '≥ 100 / s', src)];
	const figures = (x: any) => `p50/p95/p99 ${s(x.p50Ms)}/${s(x.p95Ms)}/${s(x.p99Ms)}, ${x.errors} errors, server RSS ${x.serverRssMiB} MiB + store ${x.storeRssMiB} MiB`;
	const at = (d: any) => (d.atBest ? `${d.bestPerSecond}/s: ${figures(d.atBest)}` : d.firstNotSustained ? `no rate sustained; at the lowest step, ${d.firstNotSustained.targetPerSecond}/s: ${figures(d.firstNotSustained)}` : 'no rate sustained');
	const rows: Row[] = [
		{ figure: `Server (loopback): highest sustained rate of catch-up syncs (${r.setup.changesUpPerSync} up, a few down) with p99 < 500 ms and zero errors`, result: `${r.sustained.bestPerSecond} syncs/s; the ceiling (same store requests with nano) ${r.ceiling.bestPerSecond}/s`, goal: '≥ 100 / s', met: r.sustained.bestPerSecond >= 100, source: src },
		...Object.entries(r.sustained.byDevices).map(([n, d]: [string, any]) => ({ figure: `Server at ${n} devices: best sustained rate`, result: at(d), goal: '—', source: src })),
		{ figure: `Burst: ${r.burst.devices} syncs at once`, result: `p99 ${sp(r.burst.p99Ms)}, ${r.burst.errors} errors over ${r.burst.runs.length} bursts`, goal: 'zero errors', met: r.burst.errors === 0, source: src }
	];
	return rows;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** Results before the precache manifest was read counted only JS and CSS. */
const shellResult = (x: any) =>
	x.precachedFiles
		? `${x.totalGzipKiB} KiB (JS ${kib(x.js.gzipBytes)} in ${x.js.files} files, CSS ${kib(x.css.gzipBytes)}, HTML, manifest and icons ${kib(x.other.gzipBytes)}, worker ${kib(x.worker.gzipBytes)})`
		: `${x.totalGzipKiB} KiB (JS ${kib(x.js.gzipBytes)} in ${x.js.files} files)`;

export function rows(results: Results): Row[] {
	const r = results as Record<string, any>;
	const pull = r['facilitator-pull'];
	const shell = r['shell-size'];
	const start = r['offline-start'];
	return [
		...initialSync(r['initial-sync']),
		catchUp(r['initial-sync'], r['catch-up']),
		...deviceStore(r['device-store']),
		pull
			? { figure: "A facilitator's pull of 40 cases: 1,000 vs 100,000 cases in the service", result: `${sp(pull.at1k.ms)} vs ${sp(pull.at100k.ms)}; ratio ${pull.ratio}`, goal: '≤ 1.2', met: pull.ratio <= 1.2, source: '`facilitator-pull`' }
			: missing("A facilitator's pull, 1k vs 100k cases", '≤ 1.2', '`facilitator-pull`'),
		...serverLoad(r['server-load']),
		shell
			? { figure: shell.precachedFiles ? `App shell a tablet downloads: every precached file (${shell.precachedFiles}) and the service worker, gzipped` : 'App shell download (JS + CSS the service worker precaches, gzipped)', result: shellResult(shell), goal: '≤ 120 KiB', met: shell.totalGzipKiB <= 120, source: '`shell-size`' }
			: missing('App shell gzip', '≤ 120 KiB', '`shell-size`'),
		start
			? { figure: 'Cold offline start: relaunched Chromium, network cut, to the usable unlock screen', result: `${sp(start.unlockScreenMs)}; then to "My cases" after the passphrase ${sp(start.myCasesAfterUnlockMs)}`, goal: '< 1 s', met: start.unlockScreenMs.median < 1000, source: '`offline-start`' }
			: missing('Cold offline start', '< 1 s', '`offline-start`')
	];
}
