import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import { pruneMutationLogs } from '../../server/services/sync-log-retention.js';
import type { MutationLogDoc } from '../../server/services/sync-documents.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, push, storeSnapshot, type Tablet } from './sync-support.js';

const CASE = 'case-trust-0001';
let env: InProcess;
let ids: Record<string, string> = {};
let fac: Tablet;
let colleague: Tablet;
let coordCookie = '';

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	ids = { fac: await addUser(s, 'fac', ['facilitator']), colleague: await addUser(s, 'colleague', ['facilitator']), coord: await addUser(s, 'coord', ['coordinator']) };
	await addCase(s, CASE, 'RJ-2026-0501', ids.coord!, [ids.fac!, ids.colleague!]);
	fac = { deviceId: 'fac-tablet-0501', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0501', label: 'Tablet A' }) };
	colleague = { deviceId: 'colleague-tablet-0501', cookie: await signIn(env.app, 'colleague', { id: 'colleague-tablet-0501', label: 'Tablet B' }) };
	coordCookie = await signIn(env.app, 'coord');
}, 60_000);
afterAll(() => env.stop());

const records = () => env.services.couch.dbs.records;

describe('a retried change from someone who has since lost the case', () => {
	it('is answered with its outcome only, never with the record as it now stands', async () => {
		const LOST = 'case-trust-0002';
		await addCase(env.services, LOST, 'RJ-2026-0502', ids.coord!, [ids.fac!, ids.colleague!]);
		const record = participant(LOST, 'participant-lost-1', { createdBy: ids.fac! });
		const made = [mutationOf(fac, undefined, record)];
		const first = await push(env.app, fac, made);
		const rev = (first.body.results[0] as { rev: string }).rev;
		// The colleague carries on with the record; then the office takes the case from the facilitator.
		const moved = await push(env.app, colleague, [mutationOf(colleague, record, { ...record, accessibilityNeeds: 'Only the colleague knows this' }, rev)]);
		expect(moved.body.results[0]).toMatchObject({ status: 'applied' });
		const unassigned = await env.app.inject({ method: 'DELETE', url: `/api/cases/${LOST}/facilitators/${ids.fac}`, headers: { cookie: coordCookie } });
		expect(unassigned.statusCode).toBe(200);

		const before = await storeSnapshot(env.services.couch.dbs);
		const again = await push(env.app, fac, made);
		expect(again.body.results).toEqual([{ status: 'duplicate', mutationId: made[0]!.mutationId, rev }]);
		expect(JSON.stringify(again.body)).not.toContain('Only the colleague knows this');
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});
});

describe('who a pushed record says did something', () => {
	it('refuses a new record written in a colleague\'s name, names the field, and stores nothing', async () => {
		const forged = participant(CASE, 'participant-forged-1', { createdBy: ids.colleague! });
		const before = await storeSnapshot(env.services.couch.dbs);
		const { body } = await push(env.app, fac, [mutationOf(fac, undefined, forged)]);
		expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', fields: [{ path: 'createdBy' }] });
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
		await expect(records().get(caseChildDocId(CASE, 'participant', 'participant-forged-1'))).rejects.toMatchObject({ statusCode: 404 });
	});

	it('refuses a letter marked reviewed by someone other than the person sending it', async () => {
		const letter = { ...exampleRecords.letter(), caseId: CASE, createdBy: ids.fac! };
		const made = await push(env.app, fac, [mutationOf(fac, undefined, letter)]);
		const rev = (made.body.results[0] as { rev: string }).rev;
		const reviewed = { ...letter, status: 'reviewed', reviewedBy: ids.colleague!, reviewedAt: '2026-10-05T15:00:00.000Z' };
		const { body } = await push(env.app, fac, [mutationOf(fac, letter, reviewed, rev)]);
		expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', fields: [{ path: 'reviewedBy' }] });
		expect((await records().get(caseChildDocId(CASE, 'letter', 'letter-0001-abcd')))._rev).toBe(rev);
		// The colleague recording their own review is accepted.
		const own = await push(env.app, colleague, [mutationOf(colleague, letter, reviewed, rev)]);
		expect(own.body.results[0]).toMatchObject({ status: 'applied' });
	});

	it('accepts a record made in the name of the person signed in', async () => {
		const { body } = await push(env.app, fac, [mutationOf(fac, undefined, participant(CASE, 'participant-own-1', { createdBy: ids.fac! }))]);
		expect(body.results[0]).toMatchObject({ status: 'applied' });
	});
});

describe('the push log', () => {
	const logOf = (tablet: Tablet, mutationId: string) => records().get(`mutation:${tablet.deviceId}:${mutationId}`) as unknown as Promise<MutationLogDoc & { _rev: string }>;
	const age = async (tablet: Tablet, mutationId: string, serverTime: string) => {
		const log = await logOf(tablet, mutationId);
		await records().insert({ ...log, serverTime });
	};

	it('forgets finished changes once no retry can still arrive, keeps recent and unfinished ones, and is safe to run again', async () => {
		const [old, recent, unfinished] = ['old', 'recent', 'unfinished'].map((name) => mutationOf(fac, undefined, participant(CASE, `participant-log-${name}`, { createdBy: ids.fac! })));
		expect((await push(env.app, fac, [old!, recent!])).body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		await age(fac, old!.mutationId, '2026-01-01T09:00:00.000Z');
		await age(fac, recent!.mutationId, '2026-02-25T09:00:00.000Z');
		await records().insert({ _id: `mutation:${fac.deviceId}:${unfinished!.mutationId}`, type: 'mutation-log', v: 1, state: 'pending', userId: ids.fac!, recordDocId: 'x', serverTime: '2026-01-01T09:00:00.000Z' });

		const now = new Date('2026-03-01T09:00:00.000Z');
		expect(await pruneMutationLogs(records(), now)).toBe(1);
		await expect(logOf(fac, old!.mutationId)).rejects.toMatchObject({ statusCode: 404 });
		expect((await logOf(fac, recent!.mutationId)).state).toBe('done');
		expect((await logOf(fac, unfinished!.mutationId)).state).toBe('pending');
		expect(await pruneMutationLogs(records(), now)).toBe(0);
		// A retry inside the window is still answered from the log, writing nothing.
		expect((await push(env.app, fac, [recent!])).body.results[0]).toMatchObject({ status: 'duplicate' });
	});
});
