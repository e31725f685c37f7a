// A facilitator's pull of their own 40 cases when the service holds 1,000 cases, then 100,000
// (other facilitators' data). Goal: the 100k time is at most 1.2 × the 1k time, because a pull
// reads one `_all_docs` key range per assigned case. Run: `npx tsx bench/facilitator-pull.ts`.
// Each size is measured RUNS times; figures are min / median / max.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../server/services/services.js';
import { connectCouch } from '../server/store/couch.js';
import { RECORDS_DESIGN, ensureDesignDoc } from '../server/store/design-docs.js';
import { startEmbeddedStore } from '../server/store/embedded-store.js';
import { prose } from './lib/records.js';
import { spread, startResult, type Spread } from './lib/result.js';

const OWN = 40;
const NOTES_PER_CASE = 3;
const RUNS = 30;
const result = startResult('facilitator-pull');
const caseId = (n: number) => `bench-case-${String(n).padStart(7, '0')}`;

const store = process.env.COUCHDB_URL ? undefined : await startEmbeddedStore(await mkdtemp(join(tmpdir(), 'tandem-bench-')), 0);
const couch = await connectCouch(process.env.COUCHDB_URL ?? store!.url, store ? 'embedded' : 'couchdb', `bench${Date.now().toString(36)}`);
await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
const services = await createServices(couch, 'bench');
const at = new Date().toISOString();

function docsFor(n: number): Record<string, unknown>[] {
	const id = caseId(n);
	const base = { type: 'case', v: 1, id, reference: `RJ-2026-${String(n).padStart(6, '0')}`, referralSource: 'self', justiceStage: 'on-licence' };
	const record = { _id: `case:${id}`, ...base, stage: 'assessment', status: 'open', facilitatorIds: [n < OWN ? 'me' : `other-${n % 500}`], coordinatorId: 'c', createdAt: at, updatedAt: at, createdBy: 'c' };
	const notes = Array.from({ length: NOTES_PER_CASE }, (_, k) => ({ _id: `case:${id}:case-note:note-${k}-${id}`, type: 'case-note', v: 1, id: `note-${k}-${id}`, caseId: id, text: prose(n * 10 + k, 400), aboutParticipantIds: [], createdAt: at, updatedAt: at, createdBy: 'me' }));
	return [record, ...notes];
}

async function fill(from: number, to: number): Promise<void> {
	for (let start = from; start < to; start += 250) {
		const ns = Array.from({ length: Math.min(250, to - start) }, (_, i) => start + i);
		await couch.dbs.records.bulk({ docs: ns.flatMap(docsFor) });
		await couch.dbs.accounts.bulk({ docs: ns.map((n) => ({ _id: `assign:${n < OWN ? 'me' : `other-${n % 500}`}:${caseId(n)}`, type: 'assignment', v: 1 })) });
	}
}

async function measure(): Promise<{ ms: Spread; docs: number }> {
	const times: number[] = [];
	let docs = 0;
	for (let run = 0; run < RUNS; run++) {
		const started = performance.now();
		const ids = await services.accounts.assignedCaseIds('me');
		docs = (await services.cases.documentsOf(ids)).length;
		times.push(performance.now() - started);
	}
	return { ms: spread(times, 2), docs };
}

await fill(0, 1_000);
const small = await measure();
console.log(`1,000 cases: ${small.ms.median} ms for ${small.docs} documents`);
await fill(1_000, 100_000);
const large = await measure();
console.log(`100,000 cases: ${large.ms.median} ms for ${large.docs} documents`);
const ratio = Number((large.ms.median / small.ms.median).toFixed(2));
await result.write({
	how: `The services' pull reads (assigned case ids, then the documents of each case) for one facilitator's ${OWN} cases (${NOTES_PER_CASE} notes each), straight against the embedded store, ${RUNS} times with 1,000 cases in the store and again after filling it to 100,000 (other facilitators' cases). The 100k figure is measured second, on a warmed-up process and store.`,
	store: couch.kind,
	ownCases: OWN,
	notesPerCase: NOTES_PER_CASE,
	runs: RUNS,
	at1k: small,
	at100k: large,
	ratio,
	goals: { ratio: '≤ 1.2' }
});
console.log(`ratio ${ratio} (goal ≤ 1.2)`);
await store?.stop();
