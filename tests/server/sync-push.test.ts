import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pull, push, storeSnapshot, type Tablet } from './sync-support.js';

const CASE = 'case-push-0001';
let env: InProcess;
let fac: Tablet;
let colleague: Tablet;
let ids: Record<string, string> = {};

beforeAll(async () => {
	env = await startInProcess();
	ids = { fac: await addUser(env.services, 'fac', ['facilitator']), colleague: await addUser(env.services, 'colleague', ['facilitator']), coord: await addUser(env.services, 'coord', ['coordinator']) };
	await addCase(env.services, CASE, 'RJ-2026-0101', ids.coord!, [ids.fac!, ids.colleague!]);
	fac = { deviceId: 'fac-tablet-0001', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0001', label: 'Tablet A' }) };
	colleague = { deviceId: 'colleague-tablet-0001', cookie: await signIn(env.app, 'colleague', { id: 'colleague-tablet-0001', label: 'Tablet B' }) };
}, 60_000);
afterAll(() => env.stop());

/** Makes a participant through a push and answers it with its first revision. */
async function created(id: string): Promise<{ record: Record<string, unknown>; rev: string }> {
	const record = participant(CASE, id, { createdBy: ids.fac! });
	const { body } = await push(env.app, fac, [mutationOf(fac, undefined, record)]);
	expect(body.results[0]).toMatchObject({ status: 'applied' });
	return { record, rev: (body.results[0] as { rev: string }).rev };
}

const storedDoc = (id: string) => env.services.couch.dbs.records.get(caseChildDocId(CASE, 'participant', id)) as Promise<Record<string, unknown>>;

describe('pushing changes', () => {
	it('applies a retried batch once and answers the retry duplicate with the first revisions', async () => {
		const [one, two] = [participant(CASE, 'participant-retry-01', { createdBy: ids.fac! }), participant(CASE, 'participant-retry-02', { createdBy: ids.fac! })];
		const batch = [mutationOf(fac, undefined, one), mutationOf(fac, undefined, two)];
		const first = await push(env.app, fac, batch);
		expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		const before = await storeSnapshot(env.services.couch.dbs);
		const again = await push(env.app, fac, batch);
		expect(again.body.results).toEqual(first.body.results.map((r) => ({ ...r, status: 'duplicate' })));
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
		const audit = await env.services.audit.forCase(CASE);
		expect(audit.filter((e) => e.recordId?.startsWith('participant-retry-')).map((e) => [e.action, e.deviceId, e.deviceTime])).toEqual([
			['create', fac.deviceId, batch[0]!.deviceTime],
			['create', fac.deviceId, batch[1]!.deviceTime]
		]);
	});

	it('answers a retried change whose record moved on since with the record as it stands, writing nothing', async () => {
		const record = participant(CASE, 'participant-retry-03', { createdBy: ids.fac! });
		const batch = [mutationOf(fac, undefined, record), mutationOf(fac, record, { ...record, name: 'Sam Retried' })];
		const first = await push(env.app, fac, batch);
		// The second change was made on a version the server never numbered for the device, so it gets the whole record back.
		expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'merged']);
		const before = await storeSnapshot(env.services.couch.dbs);
		const again = await push(env.app, fac, batch);
		expect(again.body.results[0]).toMatchObject({ status: 'merged', rev: (first.body.results[1] as { rev: string }).rev, record: { name: 'Sam Retried' } });
		expect(again.body.results[1]).toEqual({ status: 'duplicate', mutationId: batch[1]!.mutationId, rev: (first.body.results[1] as { rev: string }).rev });
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});

	it('merges concurrent edits of different fields from two devices cleanly', async () => {
		const { record, rev } = await created('participant-fields-1');
		const mine = await push(env.app, fac, [mutationOf(fac, record, { ...record, name: 'Samuel Example' }, rev)]);
		expect(mine.body.results[0]!.status).toBe('applied');
		const theirs = await push(env.app, colleague, [mutationOf(colleague, record, { ...record, language: 'Welsh' }, rev)]);
		expect(theirs.body.results[0]).toMatchObject({ status: 'merged', record: { name: 'Samuel Example', language: 'Welsh' }, conflicts: [] });
		expect(await storedDoc('participant-fields-1')).toMatchObject({ name: 'Samuel Example', language: 'Welsh' });
	});

	it('keeps both values in a conflict when both sides changed the same field, until a person decides', async () => {
		const { record, rev } = await created('participant-clash-1');
		await push(env.app, fac, [mutationOf(fac, record, { ...record, preferredName: 'Sammy' }, rev)]);
		const theirs = await push(env.app, colleague, [mutationOf(colleague, record, { ...record, preferredName: 'S' }, rev)]);
		const result = theirs.body.results[0] as { status: string; rev: string; record: Record<string, unknown>; conflicts: { path: string[]; values: { value?: unknown }[] }[] };
		expect(result.status).toBe('merged');
		expect(result.record.preferredName).toBe('Sammy');
		expect(result.conflicts).toHaveLength(1);
		expect(result.conflicts[0]!.path).toEqual(['preferredName']);
		expect(result.conflicts[0]!.values.map((v) => v.value).sort()).toEqual(['S', 'Sammy']);

		const { body: page } = await pull(env.app, fac, { cases: [] });
		const pulled = page.records.find((r) => r.docId === caseChildDocId(CASE, 'participant', 'participant-clash-1'));
		expect(pulled?.conflicts).toEqual(result.conflicts);

		// The person picks "S" having seen both values: the conflict goes and the record holds the choice.
		const seen = result.conflicts[0]!.values.map(({ value }) => ({ value }));
		const resolve = mutationOf(fac, result.record, { ...result.record, preferredName: 'S' }, result.rev, { resolves: [{ path: ['preferredName'], seen }] });
		const settled = await push(env.app, fac, [resolve]);
		expect(settled.body.results[0]).toMatchObject({ status: 'merged', record: { preferredName: 'S' }, conflicts: [] });
	});

	it('loses neither change when two devices push to one record at the same moment', async () => {
		const { record, rev } = await created('participant-race-01');
		const [a, b] = await Promise.all([
			push(env.app, fac, [mutationOf(fac, record, { ...record, name: 'Sam Race' }, rev)]),
			push(env.app, colleague, [mutationOf(colleague, record, { ...record, interpreterNeeded: true }, rev)])
		]);
		expect([a.body.results[0]!.status, b.body.results[0]!.status].sort()).toEqual(['applied', 'merged']);
		expect(await storedDoc('participant-race-01')).toMatchObject({ name: 'Sam Race', interpreterNeeded: true });
	});

	it('writes a change once when two copies of one batch arrive together', async () => {
		const { record, rev } = await created('participant-twice-1');
		const batch = [mutationOf(fac, record, { ...record, accessibilityNeeds: 'Step-free access' }, rev)];
		const answers = await Promise.all([push(env.app, fac, batch), push(env.app, fac, batch)]);
		const stored = await storedDoc('participant-twice-1');
		expect(stored).toMatchObject({ accessibilityNeeds: 'Step-free access' });
		expect(String(stored._rev).split('-')[0]).toBe('2');
		for (const answer of answers) expect(answer.body.results[0]).toMatchObject({ rev: stored._rev });
	});

	it('rejects a change that would make the record invalid, names the field, and writes nothing', async () => {
		const { record, rev } = await created('participant-invalid');
		const before = await storeSnapshot(env.services.couch.dbs);
		const { status, body } = await push(env.app, fac, [mutationOf(fac, record, { ...record, name: '   ' }, rev)]);
		expect(status).toBe(200);
		expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-record', fields: [{ path: 'name' }] });
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});

	it('refuses a change to an immutable field and to who works on the case from a facilitator', async () => {
		const { record, rev } = await created('participant-immut-1');
		const { body } = await push(env.app, fac, [mutationOf(fac, record, { ...record, role: 'harmed-person' }, rev)]);
		expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'immutable-field-changed', fields: [{ path: 'role' }] });
		const caseDoc = (await env.services.cases.get(CASE))!;
		const takeOver = mutationOf(fac, caseDoc, { ...caseDoc, facilitatorIds: [ids.fac] }, 'any-rev');
		const { body: second } = await push(env.app, fac, [takeOver]);
		expect(second.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', fields: [{ path: 'facilitatorIds' }] });
		expect((await env.services.cases.get(CASE))!.facilitatorIds).toHaveLength(2);
	});

	it('answers a malformed batch 400 naming the field, and changes nothing', async () => {
		const before = await storeSnapshot(env.services.couch.dbs);
		const good = mutationOf(fac, undefined, participant(CASE, 'participant-never-01', { createdBy: ids.fac! }));
		const answer = await push(env.app, fac, [good, { ...good, mutationId: 'x', recordId: 'participant-never-02' }]);
		expect(answer.status).toBe(400);
		expect(answer.body.error).toBe('bad-request');
		expect(answer.body.fields?.map((f) => f.path)).toContain('mutations.1.mutationId');
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});

	it('refuses a batch that claims to come from another device', async () => {
		const answer = await push(env.app, fac, [{ ...mutationOf(fac, undefined, participant(CASE, 'participant-spoofed', { createdBy: ids.fac! })), deviceId: colleague.deviceId }]);
		expect(answer.status).toBe(400);
		expect(answer.body.fields?.map((f) => f.path)).toEqual(['mutations.0.deviceId']);
	});
});
