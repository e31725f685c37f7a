// Initial sync of a caseload (40 cases, 5,000 records, in a store of 40,000) into the encrypted
// device store by the real engine against the real server, side by side with PouchDB replication
// of the same documents and with the floor (plain Dexie bulkPut), on loopback and on an emulated
// tablet link; then a day's catch-up sync. Run: npx tsx bench/initial-sync/run.ts
//   → bench/results/initial-sync.json   (BENCH_REPS=<n> for more or fewer repetitions; default 2,
//   each repetition every way on both links, so min / max are the two runs and the median their mean;
//   the catch-up has its own 5 days, BENCH_DAYS)
//   --catch-up-only: only the day's catch-up (one quick initial sync first, untimed)
//   → bench/results/catch-up.json
//   --engine-only: only the engine and the floor, printed, nothing written (for profiling a change)
//   --worker-only: the engine only as the app runs it, without the same on the page's own thread
//   BENCH_PROFILE=<folder>: the page's CPU profile of each engine sync (.cpuprofile, for DevTools)
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { spread, startResult } from '../lib/result.js';
import { TABLET, withPage, type Link, type Traffic } from './browser.js';
import { POUCH_SCRIPTS, POUCH_SETTINGS } from './pouch.js';
import { COLLEAGUE, FACILITATOR, PASSWORD, seededDataDir, STORE_RECORDS } from './seed.js';
import { colleagueTablet, freePort, startServer } from './server.js';

const REPS = Number(process.env.BENCH_REPS ?? 2);
/** Days of catch-up per link: one sync each, cheap next to an initial sync, so enough for a spread. */
const DAYS = Number(process.env.BENCH_DAYS ?? 5);
const CATCH_UP_ONLY = process.argv.includes('--catch-up-only');
const ENGINE_ONLY = process.argv.includes('--engine-only');
/** Also the engine with the streamed pages prepared on the page's own thread, as before the page worker (`--worker-only` leaves it out). */
const IN_THREAD_TOO = !process.argv.includes('--worker-only');
/** A folder for the page's CPU profile of each engine sync (Chrome DevTools format), when set. */
const PROFILE = process.env.BENCH_PROFILE;
const DAY_CHANGES = 50;
const LINKS: Link[] = ['loopback', 'tablet'];
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const bundle = async (entry: string) => (await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022' })).outputFiles[0]!.text;

const run = startResult(CATCH_UP_ONLY ? 'catch-up' : 'initial-sync');
const folder = await seededDataDir();
const [dataDir, seeded] = [folder.dir, folder.meta];
console.log(`${STORE_RECORDS.toLocaleString('en-GB')} records ${folder.fromCache ? 'copied from the cache' : 'seeded'} in ${folder.seconds.toFixed(1)} s`);
const docIds = seeded.own.map((o) => o.docId);
const [port, storePort] = [await freePort(), await freePort()];
const server = await startServer(dataDir, port, storePort);
const storeAuth = JSON.parse(await readFile(join(dataDir, 'store-admin.json'), 'utf8')) as { username: string; password: string };
const storeOrigin = `http://127.0.0.1:${storePort}`;
const [harnessScript, pouchScript, workerCode] = await Promise.all(['bench/initial-sync/page-harness.ts', 'bench/initial-sync/pouch-harness.ts', 'src/lib/sync/page-worker.ts'].map(bundle));
const engineScripts = [{ content: `window.pageWorkerCode = ${JSON.stringify(workerCode)};` }, { content: harnessScript! }];
const colleague = await colleagueTablet(server.url, COLLEAGUE, PASSWORD);

type Sample = { ms: number; traffic?: Traffic };
const samples: Record<string, Record<Link, Sample[]>> = {};
const add = (way: string, link: Link, sample: Sample) => ((samples[way] ??= { loopback: [], tablet: [] })[link].push(sample));
const catchUp: Record<Link, number[]> = { loopback: [], tablet: [] };
const catchUpPhases: Record<Link, { push: number; pull: number }[]> = { loopback: [], tablet: [] };
let notesOnServer = 0;

try {
	for (let rep = 0; rep < (CATCH_UP_ONLY ? 0 : REPS); rep++) {
		for (const link of LINKS) {
			for (const inThread of IN_THREAD_TOO ? [false, true] : [false])
			await withPage(server.url, engineScripts, async ({ page, measure }) => {
				await page.evaluate(([u, p]) => window.harness.signIn(u, p), [FACILITATOR, PASSWORD] as const);
				const traffic = await measure(link);
				const profiler = PROFILE ? await page.context().newCDPSession(page) : undefined;
				if (profiler) await Promise.all([profiler.send('Profiler.enable'), profiler.send('Profiler.setSamplingInterval', { interval: 200 })]).then(() => profiler.send('Profiler.start'));
				const first = await page.evaluate((here) => window.harness.sync(here), inThread);
				if (profiler) await writeFile(join(PROFILE!, `engine-${inThread ? 'in-thread-' : ''}${link}-${rep}.cpuprofile`), JSON.stringify((await profiler.send('Profiler.stop')).profile));
				if (first.outcome !== 'synced' || first.records !== docIds.length) throw new Error(`Engine: ${first.outcome}, ${first.records} records`);
				add(inThread ? 'engine, pages prepared on the page' : 'engine', link, { ms: first.ms, traffic: await traffic() });
			});
			for (const setting of ENGINE_ONLY ? [] : POUCH_SETTINGS)
				await withPage(storeOrigin, [...POUCH_SCRIPTS, { content: pouchScript }], async ({ page, measure }) => {
					const traffic = await measure(link);
					const run = await page.evaluate((args) => window.pouchBench.replicate(args), { source: `${storeOrigin}/tandem_records`, auth: storeAuth, docIds, setting });
					if (run.records !== docIds.length) throw new Error(`PouchDB (${setting.name}): ${run.records} documents`);
					add(`pouchdb: ${setting.name}`, link, { ms: run.ms, traffic: await traffic() });
				});
			await withPage(server.url, engineScripts, async ({ page }) => {
				const run = await page.evaluate(([rows, name]) => window.harness.floor(rows, name), [seeded.own, `floor-${rep}-${link}`] as const);
				if (run.records !== docIds.length) throw new Error(`Floor: ${run.records} records`);
				add('floor', link, { ms: run.ms });
			});
			console.log(`rep ${rep + 1}/${REPS} ${link}: ${Object.entries(samples).map(([way, s]) => `${way} ${round(s[link].at(-1)!.ms)} ms`).join(' · ')} `);
		}
	}
	// A day's catch-up, after the initial syncs (so each of those loads exactly the 5,000): a
	// colleague's notes wait on the server and this tablet's edits in its outbox; one round does both.
	for (const link of ENGINE_ONLY ? [] : LINKS)
		await withPage(server.url, engineScripts, async ({ page, measure }) => {
			await page.evaluate(([u, p]) => window.harness.signIn(u, p), [FACILITATOR, PASSWORD] as const);
			await page.evaluate(() => window.harness.sync());
			await measure(link);
			for (let day = 1; day <= DAYS; day++) {
				await colleague.pushNotes(seeded.ownCaseIds, DAY_CHANGES, (notesOnServer += DAY_CHANGES));
				await page.evaluate(([n, d]) => window.harness.editParticipants(n, d), [DAY_CHANGES, notesOnServer] as const);
				const next = await page.evaluate(() => window.harness.sync());
				const pending = await page.evaluate(() => window.harness.pendingChanges());
				if (next.outcome !== 'synced' || pending !== 0 || next.records !== docIds.length + notesOnServer)
					throw new Error(`Catch-up: ${next.outcome}, ${pending} changes left, ${next.records} records`);
				catchUp[link].push(next.ms);
				catchUpPhases[link].push(next.phases);
			}
			console.log(`catch-up ${link}: ${catchUp[link].map((ms) => round(ms)).join(', ')} ms`);
		});
} finally {
	await server.stop();
	await rm(dataDir, { recursive: true, force: true });
}

if (ENGINE_ONLY) process.exit(0);
const catchUpSummary = { changesPushed: DAY_CHANGES, changesPulled: DAY_CHANGES, ...Object.fromEntries(LINKS.map((link) => [link, { ms: spread(catchUp[link], 0), pushMs: spread(catchUpPhases[link].map((p) => p.push), 0), pullMs: spread(catchUpPhases[link].map((p) => p.pull), 0), medianMs: round(median(catchUp[link])), medianPushMs: round(median(catchUpPhases[link].map((p) => p.push))), medianPullMs: round(median(catchUpPhases[link].map((p) => p.pull))), runsMs: catchUp[link].map((x) => round(x)), pushRunsMs: catchUpPhases[link].map((p) => round(p.push)) }])) };
if (CATCH_UP_ONLY) {
	const result = { how: `bench/initial-sync/run.ts --catch-up-only: the same seeded store and server; per link one untimed initial sync, then ${DAYS} days of 50 notes pushed by a colleague and 50 edits from this tablet, each day one timed sync().`, repetitions: REPS, days: DAYS, catchUp: catchUpSummary, goal: '< 300 ms on loopback' };
	await run.write(result);
	console.log(JSON.stringify(result, null, 2));
	process.exit(0);
}

// The bandwidth floor: the caseload's documents as JSON, gzipped, at the tablet link's download speed.
const caseloadJson = JSON.stringify(seeded.own.map((o) => ({ _id: o.docId, ...o.record })));
const caseloadGzip = gzipSync(caseloadJson).length;
const bandwidthFloorMs = (caseloadGzip * 8 * 1000) / TABLET.downBitsPerSecond;

const summary = (list: Sample[]) => ({
	ms: spread(list.map((s) => s.ms), 0),
	medianMs: round(median(list.map((s) => s.ms))),
	runsMs: list.map((s) => round(s.ms)),
	...(list[0]?.traffic ? { medianBytesDown: round(median(list.map((s) => s.traffic!.down))), medianBytesUp: round(median(list.map((s) => s.traffic!.up))), requests: median(list.map((s) => s.traffic!.requests)) } : {})
});
const ways = Object.fromEntries(Object.entries(samples).map(([way, byLink]) => [way, { loopback: summary(byLink.loopback), tablet: summary(byLink.tablet) }]));
const pouchWays = Object.keys(ways).filter((w) => w.startsWith('pouchdb'));
const ratios = Object.fromEntries(
	LINKS.map((link) => {
		const engine = ways.engine![link].medianMs;
		const bestPouch = Math.min(...pouchWays.map((w) => ways[w]![link].medianMs));
		return [link, { pouchOverEngine: round(bestPouch / engine, 2), engineOverFloor: round(engine / ways.floor![link].medianMs, 2), ...(link === 'tablet' ? { engineOverBandwidthFloor: round(engine / bandwidthFloorMs, 2) } : {}) }];
	})
);
const result = {
	how: `${REPS} repetitions: a copy of a data folder seeded with 40,000 records (320 cases × 125; filled once, then copied from bench/lib/data-cache.ts), \`tsx server/main.ts\` with its embedded store; headless Chromium (/usr/bin/chromium), a fresh on-disk profile (launchPersistentContext) per measurement, engine / PouchDB / floor interleaved in each repetition. Engine: the real sync engine (createSyncEngine + syncStore + httpTransport with the page worker, as the app: worker-pages.ts, the worker made from its bundled code) into the encrypted device store, from sync() until it resolves (reachability check, empty push, every page committed); 'engine, pages prepared on the page': the same with the pages parsed, checked and sealed on the page's own thread, in the same repetition. PouchDB 9 browser build replicating the same 5,000 documents by doc_ids from the same embedded store (page on its origin). Floor: the same records already in the page, one Dexie bulkPut into a table with the same indexes. Tablet link: CDP Network.emulateNetworkConditions 40 ms, 20 Mbit/s down, 5 Mbit/s up. Bytes: CDP encodedDataLength (down, with headers) and request bodies (up). Then per link ${DAYS} days of catch-up, each one timed sync().`,
	repetitions: REPS,
	catchUpDays: DAYS,
	caseload: { cases: seeded.ownCaseIds.length, records: docIds.length, storeRecords: STORE_RECORDS, jsonBytes: caseloadJson.length, gzipBytes: caseloadGzip },
	bandwidthFloorMs: round(bandwidthFloorMs),
	ways,
	ratios,
	catchUp: catchUpSummary,
	goals: { pouchOverEngine: '≥ 5 on both links', engineOverFloor: '≤ 1.3 on loopback', engineOverBandwidthFloor: '≤ 2 on the tablet link', catchUpLoopback: '< 300 ms' }
};
await run.write(result);
console.log(JSON.stringify({ ...result, how: undefined, ways: Object.fromEntries(Object.entries(ways).map(([w, l]) => [w, { loopback: l.loopback.medianMs, tablet: l.tablet.medianMs, bytesDownTablet: l.tablet.medianBytesDown }])) }, null, 2));
