// The embedded store's `_all_docs` key ranges without bodies, as a day's catch-up asks them (one
// range per case of the facilitator's 40, about 5,000 rows), read straight from LevelDB
// (server/store/embedded-store-ranges.ts) vs through PouchDB's `allDocs`. On the initial sync's
// seeded store (bench/initial-sync/seed.ts, copied from the cache). First in this process, the
// two readers on one PouchDB; then over HTTP against the embedded store, one `_all_docs/queries`
// request of 40 ranges, each range with `skip: 0` added for PouchDB's answer (an option only it
// handles, that changes no row). Alternating run by run, after untimed ones; every pair of answers
// is checked equal. Run: `npx tsx bench/store-listing.ts`.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PouchDB from 'pouchdb';
import { keepLevelStores, listRange } from '../server/store/embedded-store-ranges.js';
import { startEmbeddedStore } from '../server/store/embedded-store.js';
import { seededDataDir } from './initial-sync/seed.js';
import { spread, startResult } from './lib/result.js';

const RUNS = Number(process.env.BENCH_REPS ?? 30);
const WARM_UP = 3;
const DB = 'tandem_records';
const result = startResult('store-listing');
const folder = await seededDataDir();
console.log(`seeded store ${folder.fromCache ? 'copied from the cache' : 'filled'} in ${folder.seconds.toFixed(1)} s`);
const ranges = folder.meta.ownCaseIds.map((id) => ({ startkey: `case:${id}:`, endkey: `case:${id}:\ufff0` }));
const pouchOnly = ranges.map((range) => ({ ...range, skip: 0 }));

/** Times `a` and `b` in turn, run by run, checking they answer alike; answers ms per reader and the rows listed. */
async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>) {
	const times: [number[], number[]] = [[], []];
	let rows = 0;
	for (let run = 0; run < WARM_UP + RUNS; run++) {
		const answers: string[] = [];
		for (const [i, read] of [a, b].entries()) {
			const started = performance.now();
			const answer = await read();
			if (run >= WARM_UP) times[i]!.push(performance.now() - started);
			answers.push(JSON.stringify(answer));
		}
		if (answers[0] !== answers[1]) throw new Error('The two readers answered differently');
		rows = (answers[0]!.match(/"id":/g) ?? []).length;
	}
	return { direct: spread(times[0], 2), allDocs: spread(times[1], 2), rows };
}

try {
	const stores = keepLevelStores();
	const prefix = `${join(folder.dir, 'db')}/`;
	const db = new (PouchDB.defaults({ prefix, db: stores.db }))(DB);
	const count = async () => (await db.info()).doc_count;
	await count();
	const store = stores.opened(prefix + DB);
	const inProcess = await sideBySide(
		() => Promise.all(ranges.map((range) => listRange(db, store, range, count))),
		() => Promise.all(ranges.map((range) => db.allDocs(range)))
	);
	await (db as unknown as { close(): Promise<void> }).close();

	const embedded = await startEmbeddedStore(folder.dir, 0);
	const url = new URL(embedded.url);
	const auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
	const ask = async (queries: object[]) => {
		const answer = await fetch(`http://127.0.0.1:${url.port}/${DB}/_all_docs/queries`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ queries }) });
		return answer.json();
	};
	const overHttp = await sideBySide(() => ask(ranges), () => ask(pouchOnly)).finally(() => embedded.stop());

	const ratio = (s: { direct: { median: number }; allDocs: { median: number } }) => Number((s.allDocs.median / s.direct.median).toFixed(2));
	console.log(`in process: direct ${inProcess.direct.median} ms, allDocs ${inProcess.allDocs.median} ms (${ratio(inProcess)}×), ${inProcess.rows} rows`);
	console.log(`over HTTP: direct ${overHttp.direct.median} ms, allDocs ${overHttp.allDocs.median} ms (${ratio(overHttp)}×)`);
	await result.write({
		how: `The initial sync's seeded store (40,000 records; the facilitator's ${ranges.length} cases), its ${ranges.length} case ranges without bodies read ${WARM_UP} times untimed, then ${RUNS} times timed per reader, alternating, every pair of answers checked equal. In process: the ${ranges.length} ranges at once (Promise.all) through listRange (LevelDB read directly) vs PouchDB allDocs on one PouchDB. Over HTTP: one POST /${DB}/_all_docs/queries of the ${ranges.length} ranges to the embedded store, vs the same with skip: 0 on each range (answered by PouchDB allDocs).`,
		runs: RUNS,
		cases: ranges.length,
		rows: inProcess.rows,
		inProcess: { ...inProcess, ratio: ratio(inProcess) },
		overHttp: { ...overHttp, ratio: ratio(overHttp) }
	});
} finally {
	await rm(folder.dir, { recursive: true, force: true });
}
