// The embedded store's `_all_docs` key ranges without bodies, as a day's catch-up asks them (one
// range per case of the facilitator's 40, about 5,000 rows), read straight from LevelDB
// (server/store/embedded-store-ranges.ts) vs through PouchDB's `allDocs`. On the initial sync's
// seeded store (bench/initial-sync/seed.ts, copied from the cache). First in this process, the
// two readers on one PouchDB; then over HTTP against the embedded store, one `_all_docs/queries`
// request of 40 ranges, each range with `skip: 0` added for PouchDB's answer (an option only it
// handles, that changes no row). Alternating run by run, after untimed ones; every pair of answers
// is checked equal. Then the same with bodies, as a new tablet's caseload is read
// (server/services/sync-pull.ts fetchPicked): pages of 500 records, each page a stretch of each of
// its cases' range with `include_docs` plus that case's conflicts range; one page, and all 10 in
// turn. Run: `npx tsx bench/store-listing.ts`.
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
const PAGE = 500;

/** The caseload's pages of `PAGE` records as the pull asks them: per case, a stretch with bodies and its conflicts range. */
function pagesOf(listings: { rows: { id: string }[] }[]): Record<string, unknown>[][] {
	const pages: Record<string, unknown>[][] = [];
	let [page, filled] = [[] as Record<string, unknown>[], 0];
	for (const [i, listing] of listings.entries()) {
		const ids = listing.rows.map((row) => row.id).filter((id) => !id.includes(':conflicts:'));
		for (let at = 0; at < ids.length; ) {
			const stretch = ids.slice(at, at + PAGE - filled);
			const caseId = folder.meta.ownCaseIds[i]!;
			page.push({ startkey: stretch[0], endkey: stretch.at(-1), include_docs: true }, { startkey: `case:${caseId}:conflicts:`, endkey: `case:${caseId}:conflicts:\ufff0`, include_docs: true });
			[at, filled] = [at + stretch.length, filled + stretch.length];
			if (filled === PAGE) [page, filled] = [(pages.push(page), []), 0];
		}
	}
	if (page.length > 0) pages.push(page);
	return pages;
}
const withSkip = (page: Record<string, unknown>[]) => page.map((query) => ({ ...query, skip: 0 }));

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
		rows = (answers[0]!.match(/"value":\{"rev":/g) ?? []).length;
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
	const pages = pagesOf(await Promise.all(ranges.map((range) => db.allDocs(range) as Promise<{ rows: { id: string }[] }>)));
	const readPage = (page: Record<string, unknown>[]) => Promise.all(page.map((query) => listRange(db, store, query, count)));
	const allDocsPage = (page: Record<string, unknown>[]) => Promise.all(page.map((query) => db.allDocs(query)));
	const inOrder = async (read: (page: Record<string, unknown>[]) => Promise<unknown>) => {
		const answers = [];
		for (const page of pages) answers.push(await read(page));
		return answers;
	};
	const pageInProcess = await sideBySide(() => readPage(pages[0]!), () => allDocsPage(pages[0]!));
	const allInProcess = await sideBySide(() => inOrder(readPage), () => inOrder(allDocsPage));
	await (db as unknown as { close(): Promise<void> }).close();

	const embedded = await startEmbeddedStore(folder.dir, 0);
	const url = new URL(embedded.url);
	const auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
	const ask = async (queries: object[]) => {
		const answer = await fetch(`http://127.0.0.1:${url.port}/${DB}/_all_docs/queries`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ queries }) });
		return answer.json();
	};
	const timeOverHttp = async () => {
		const listing = await sideBySide(() => ask(ranges), () => ask(pouchOnly));
		const page = await sideBySide(() => ask(pages[0]!), () => ask(withSkip(pages[0]!)));
		const all = await sideBySide(() => inOrder(ask), () => inOrder((queries) => ask(withSkip(queries))));
		return [listing, page, all] as const;
	};
	const [overHttp, pageOverHttp, allOverHttp] = await timeOverHttp().finally(() => embedded.stop());

	const ratio = (s: { direct: { median: number }; allDocs: { median: number } }) => Number((s.allDocs.median / s.direct.median).toFixed(2));
	console.log(`in process: direct ${inProcess.direct.median} ms, allDocs ${inProcess.allDocs.median} ms (${ratio(inProcess)}×), ${inProcess.rows} rows`);
	console.log(`over HTTP: direct ${overHttp.direct.median} ms, allDocs ${overHttp.allDocs.median} ms (${ratio(overHttp)}×)`);
	for (const [name, timed] of Object.entries({ 'one page with bodies in process': pageInProcess, 'one page with bodies over HTTP': pageOverHttp, [`all ${pages.length} pages in process`]: allInProcess, [`all ${pages.length} pages over HTTP`]: allOverHttp }))
		console.log(`${name}: direct ${timed.direct.median} ms, allDocs ${timed.allDocs.median} ms (${ratio(timed)}×), ${timed.rows} rows`);
	await result.write({
		how: `The initial sync's seeded store (40,000 records; the facilitator's ${ranges.length} cases), its ${ranges.length} case ranges without bodies read ${WARM_UP} times untimed, then ${RUNS} times timed per reader, alternating, every pair of answers checked equal. In process: the ${ranges.length} ranges at once (Promise.all) through listRange (LevelDB read directly) vs PouchDB allDocs on one PouchDB. Over HTTP: one POST /${DB}/_all_docs/queries of the ${ranges.length} ranges to the embedded store, vs the same with skip: 0 on each range (answered by PouchDB allDocs).`,
		runs: RUNS,
		cases: ranges.length,
		rows: inProcess.rows,
		inProcess: { ...inProcess, ratio: ratio(inProcess) },
		overHttp: { ...overHttp, ratio: ratio(overHttp) },
		bodies: {
			how: `The same store's ${pages.length} pages of up to ${PAGE} records (the case ranges' rows, conflicts documents left out) as the pull reads a new tablet's caseload: per page, for each case it covers, a stretch { startkey, endkey, include_docs: true } and the case's conflicts range with include_docs. One page (${pages[0]!.length} ranges at once), and all ${pages.length} in turn; in process through listRange vs allDocs, and over HTTP one _all_docs/queries request per page vs the same with skip: 0 on each range. Same alternation, runs and checks.`,
			pages: pages.length,
			page: { inProcess: { ...pageInProcess, ratio: ratio(pageInProcess) }, overHttp: { ...pageOverHttp, ratio: ratio(pageOverHttp) } },
			all: { inProcess: { ...allInProcess, ratio: ratio(allInProcess) }, overHttp: { ...allOverHttp, ratio: ratio(allOverHttp) } }
		}
	});
} finally {
	await rm(folder.dir, { recursive: true, force: true });
}
