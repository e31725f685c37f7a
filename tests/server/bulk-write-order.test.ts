import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { bulkWrite } from '../../server/services/sync-push-writes.js';
import type { Db } from '../../server/store/documents.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, push, type Tablet } from './sync-support.js';

// The embedded store answered a `_bulk_docs` in the order each document passed its checks, which
// ran side by side: with several bulks at once (several tablets pushing) often not the order sent.
// Since it reads its validation rules once (server/store/design-lookup-cache.ts) it rarely does, but
// nothing makes a store keep the order, so here every bulk answer of the records database comes
// back reversed: the server must match each answer to its document by id.
const CASE = 'case-bulk-order-01';
const ROUNDS = 2;
const BATCHES = 6;
const PER_BATCH = 8;
let env: InProcess;
const tablets: Tablet[] = [];
let facId = '';

beforeAll(async () => {
	env = await startInProcess();
	facId = await addUser(env.services, 'fac', ['facilitator']);
	const coord = await addUser(env.services, 'coord', ['coordinator']);
	await addCase(env.services, CASE, 'RJ-2026-0701', coord, [facId]);
	for (let i = 0; i < 4; i++) {
		const deviceId = `bulk-tablet-000${i}`;
		tablets.push({ deviceId, cookie: await signIn(env.app, 'fac', { id: deviceId, label: `Tablet ${i}` }) });
	}
	// Every answer reversed: what a store that answers out of order does.
	const records = env.services.couch.dbs.records;
	const bulk = records.bulk.bind(records);
	records.bulk = (async (body: { docs: { _id: string }[] }) => [...(await bulk(body as never))].reverse()) as Db['bulk'];
}, 60_000);
afterAll(() => env.stop());

const storedRev = async (id: string) => ((await env.services.couch.dbs.records.get(id)) as { _rev: string })._rev;

describe('writing many documents at once', () => {
	it('gives each document the revision the store gave it, while other bulks run at the same time', async () => {
		for (let round = 0; round < ROUNDS; round++) {
			// Some large documents among small ones, so the store's checks finish at different moments.
			const batches = Array.from({ length: BATCHES }, (_, b) =>
				Array.from({ length: PER_BATCH }, (_, i) => ({ _id: `order-test:${round}:${b}:${i}`, note: i % 3 === 0 ? 'x'.repeat(100_000) : `small ${i}` }))
			);
			const answers = await Promise.all(batches.map((docs) => bulkWrite(env.services.couch.dbs.records, docs)));
			const given = batches.flatMap((docs, b) => docs.map(({ _id }) => answers[b]!.get(_id)).map((answer) => (answer?.ok ? answer.rev : 'none')));
			const stored = await Promise.all(batches.flatMap((docs) => docs.map(({ _id }) => storedRev(_id))));
			expect(given).toEqual(stored);
		}
	}, 60_000);

	it('answers changes to several records pushed from several tablets at once with each record’s own revision, so the next change applies cleanly', async () => {
		for (let round = 0; round < ROUNDS; round++) {
			const made = tablets.map((_, t) =>
				Array.from({ length: PER_BATCH }, (_, i) => participant(CASE, `participant-order-${round}-${t}-${i}`, { createdBy: facId, ...(i % 3 === 0 ? { accessibilityNeeds: 'n'.repeat(2_000) } : {}) }))
			);
			const created = await Promise.all(tablets.map((tablet, t) => push(env.app, tablet, made[t]!.map((record) => mutationOf(tablet, undefined, record)))));
			const revs = created.map(({ body }) => body.results.map((result) => (result as { rev?: string }).rev));
			const stored = await Promise.all(made.map((records) => Promise.all(records.map((record) => storedRev(caseChildDocId(CASE, 'participant', record.id as string))))));
			expect(revs).toEqual(stored);
			// Each tablet builds on the revisions it was given; a wrong one would look like a colleague's change.
			const next = await Promise.all(
				tablets.map((tablet, t) => push(env.app, tablet, made[t]!.map((record, i) => mutationOf(tablet, record, { ...record, preferredName: `Name ${t}-${i}` }, revs[t]![i]))))
			);
			expect(next.flatMap(({ body }) => body.results.map((result) => result.status))).toEqual(Array(tablets.length * PER_BATCH).fill('applied'));
		}
	}, 60_000);
});
