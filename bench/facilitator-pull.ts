// A facilitator's pull of their own 40 cases when the service holds 1,000 cases, then 100,000
// (other facilitators' data). Goal: the 100k time is at most 1.2 × the 1k time, because a pull
// reads one `_all_docs` key range per assigned case. Run: `npx tsx bench/facilitator-pull.ts`.
// The facilitator's cases have a case record and 3 notes each; every other case is one case record
// (the pull never reads them: they are there to make the store big). Both stores are filled before
// they serve, from folders cached between runs (bench/lib/data-cache.ts), and measured in turn,
// run by run, so a change in the machine's load falls on both sizes alike. Figures: min / median / max.
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { createServices, type Services } from '../server/services/services.js';
import { connectCouch, type Couch } from '../server/store/couch.js';
import { RECORDS_DESIGN, ensureDesignDoc } from '../server/store/design-docs.js';
import { startEmbeddedStore } from '../server/store/embedded-store.js';
import { cachedDataDir } from './lib/data-cache.js';
import { prose } from './lib/records.js';
import { spread, startResult, type Spread } from './lib/result.js';
import { bulkWrite, withEmbeddedStore } from './lib/store-bulk.js';

const OWN = 40;
const NOTES_PER_CASE = 3;
const RUNS = 30;
const WARM_UP = 3;
const SEED = 1;
const PREFIX = 'bench';
const AT = '2026-11-01T09:00:00.000Z';
const result = startResult('facilitator-pull');
const caseId = (n: number) => `bench-case-${String(n).padStart(7, '0')}`;
const owner = (n: number) => (n < OWN ? 'me' : `other-${n % 500}`);

function docsFor(n: number): Record<string, unknown>[] {
	const id = caseId(n);
	const record = { _id: `case:${id}`, type: 'case', v: 1, id, reference: `RJ-2026-${String(n).padStart(6, '0')}`, referralSource: 'self', justiceStage: 'on-licence', stage: 'assessment', status: 'open', facilitatorIds: [owner(n)], coordinatorId: 'c', createdAt: AT, updatedAt: AT, createdBy: 'c' };
	if (n >= OWN) return [record];
	const notes = Array.from({ length: NOTES_PER_CASE }, (_, k) => ({ _id: `case:${id}:case-note:note-${k}-${id}`, type: 'case-note', v: 1, id: `note-${k}-${id}`, caseId: id, text: prose(SEED * 1_000_003 + n * 10 + k, 400), aboutParticipantIds: [], createdAt: AT, updatedAt: AT, createdBy: 'me' }));
	return [record, ...notes];
}

/** Every document of a service with `cases` cases, generated before any store starts. */
function service(cases: number) {
	const ns = Array.from({ length: cases }, (_, n) => n);
	return { records: ns.flatMap(docsFor), assignments: ns.map((n) => ({ _id: `assign:${owner(n)}:${caseId(n)}`, type: 'assignment', v: 1, userId: owner(n), caseId: caseId(n), since: AT })) };
}

async function fill(couch: Couch, cases: number): Promise<{ records: number; assignments: number }> {
	const docs = service(cases);
	const [records, assignments] = await Promise.all([bulkWrite(couch.dbs.records, docs.records), bulkWrite(couch.dbs.accounts, docs.assignments)]);
	return { records, assignments };
}

interface Sized {
	cases: number;
	services: Services;
	times: number[];
	docs: number;
	stop(): Promise<void>;
}

/** A store of `cases` cases: a copy of the cached embedded folder, or (COUCHDB_URL) fresh databases on that CouchDB. */
async function open(cases: number): Promise<Sized> {
	let couch: Couch;
	let stop = async () => {};
	if (process.env.COUCHDB_URL) {
		couch = await connectCouch(process.env.COUCHDB_URL, 'couchdb', `bench${cases}-${Date.now().toString(36)}`);
		await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
		await fill(couch, cases);
	} else {
		const folder = await cachedDataDir({ name: `facilitator-pull-${cases}`, seed: SEED, inputs: ['bench/facilitator-pull.ts'] }, (dir) => withEmbeddedStore(dir, PREFIX, (c) => fill(c, cases)));
		console.log(`${cases.toLocaleString('en-GB')} cases: ${folder.meta.records.toLocaleString('en-GB')} records ${folder.fromCache ? 'copied from the cache' : 'filled'} in ${folder.seconds.toFixed(1)} s`);
		const store = await startEmbeddedStore(folder.dir, 0);
		couch = await connectCouch(store.url, 'embedded', PREFIX);
		stop = async () => {
			await store.stop();
			await rm(folder.dir, { recursive: true, force: true });
		};
	}
	return { cases, services: await createServices(couch, 'bench'), times: [], docs: 0, stop };
}

async function pull(sized: Sized): Promise<number> {
	const started = performance.now();
	const ids = await sized.services.accounts.assignedCaseIds('me');
	sized.docs = (await sized.services.cases.documentsOf(ids)).length;
	if (sized.docs !== OWN * (1 + NOTES_PER_CASE)) throw new Error(`The pull read ${sized.docs} documents, not ${OWN * (1 + NOTES_PER_CASE)}`);
	return performance.now() - started;
}

const small = await open(1_000);
const large = await open(100_000);
try {
	for (let run = 0; run < WARM_UP; run++) for (const sized of [small, large]) await pull(sized);
	for (let run = 0; run < RUNS; run++) for (const sized of run % 2 ? [large, small] : [small, large]) sized.times.push(await pull(sized));
	const figures = (sized: Sized): { ms: Spread; docs: number } => ({ ms: spread(sized.times, 2), docs: sized.docs });
	const [at1k, at100k] = [figures(small), figures(large)];
	console.log(`1,000 cases: ${at1k.ms.median} ms; 100,000 cases: ${at100k.ms.median} ms, for ${at1k.docs} documents`);
	const ratio = Number((at100k.ms.median / at1k.ms.median).toFixed(2));
	await result.write({
		how: `The services' pull reads (assigned case ids, then the documents of each case) for one facilitator's ${OWN} cases (a case record and ${NOTES_PER_CASE} notes each), straight against the store: one with 1,000 cases, one with 100,000 (every other facilitator's case is one case record and one assignment: the pull never reads them, they make the store big). Both filled before they serve, both open at once; ${WARM_UP} untimed pulls each, then ${RUNS} timed pulls each, alternating between the two sizes so the machine's load falls on both alike.`,
		store: process.env.COUCHDB_URL ? 'couchdb' : 'embedded',
		ownCases: OWN,
		notesPerCase: NOTES_PER_CASE,
		otherCasesDocuments: 1,
		runs: RUNS,
		at1k,
		at100k,
		ratio,
		goals: { ratio: '≤ 1.2' }
	});
	console.log(`ratio ${ratio} (goal ≤ 1.2)`);
} finally {
	await small.stop();
	await large.stop();
}
