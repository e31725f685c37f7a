import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { isWipeAnswer } from '../../src/lib/protocol/sync-pull.js';
import type { FiledChangesResponse } from '../../src/lib/protocol/sync-filed.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pull, pullAll, push, storeSnapshot, type Tablet } from './sync-support.js';

const CASE = 'case-access-0001';
const CLOSED = 'case-closed-0001';
const NOWHERE = 'case-nowhere-0001';
let env: InProcess;
let ids: Record<string, string> = {};
let fac: Tablet;
let coordCookie = '';

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	ids = { fac: await addUser(s, 'fac', ['facilitator']), coord: await addUser(s, 'coord', ['coordinator']), admin: await addUser(s, 'admin', ['administrator']) };
	await addCase(s, CASE, 'RJ-2026-0301', ids.coord!, [ids.fac!]);
	await addCase(s, CLOSED, 'RJ-2026-0302', ids.coord!, [ids.fac!], true);
	fac = { deviceId: 'fac-tablet-0003', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0003', label: 'Tablet A' }) };
	coordCookie = await signIn(env.app, 'coord');
}, 60_000);
afterAll(() => env.stop());

const unassign = (userId: string, caseId: string) =>
	env.app.inject({ method: 'DELETE', url: `/api/cases/${caseId}/facilitators/${userId}`, headers: { cookie: coordCookie } });

describe('sync and need to know', () => {
	it('purges a closed case from the device and never sends its records', async () => {
		const pages = await pullAll(env.app, fac, { [CLOSED]: 'v1.' });
		expect(pages[0]!.purges).toEqual([{ caseId: CLOSED, reason: 'closed' }]);
		expect(pages.flatMap((p) => p.records).some((r) => r.caseId === CLOSED)).toBe(false);
	});

	it('purges a case on the next pull after unassignment, and files its late push for the coordinator', async () => {
		const record = participant(CASE, 'participant-late-01', { createdBy: ids.fac! });
		const { body: first } = await push(env.app, fac, [mutationOf(fac, undefined, record)]);
		const rev = (first.results[0] as { rev: string }).rev;
		const held = Object.assign({}, ...(await pullAll(env.app, fac, {})).map((p) => p.checkpoints.cases)) as Record<string, string>;
		expect((await unassign(ids.fac!, CASE)).statusCode).toBe(200);

		const { body: page } = await pull(env.app, fac, { cases: Object.entries(held).map(([caseId, checkpoint]) => ({ caseId, checkpoint })) });
		expect(page.purges).toContainEqual({ caseId: CASE, reason: 'unassigned' });
		expect(page.records.some((r) => r.caseId === CASE)).toBe(false);

		// Written offline before the tablet heard: kept for the coordinator, not applied to the live record.
		const late = mutationOf(fac, record, { ...record, accessibilityNeeds: 'Needs a quiet room' }, rev);
		const { body } = await push(env.app, fac, [late]);
		expect(body.results).toEqual([{ status: 'filed', mutationId: late.mutationId, code: 'case-not-accessible' }]);
		const live = await env.services.couch.dbs.records.get(caseChildDocId(CASE, 'participant', 'participant-late-01'));
		expect(live._rev).toBe(rev);
		expect((await push(env.app, fac, [late])).body.results[0]!.status).toBe('filed');

		const filed = await env.app.inject({ method: 'GET', url: `/api/cases/${CASE}/filed-changes`, headers: { cookie: coordCookie } });
		expect(filed.json<FiledChangesResponse>().changes).toEqual([{ mutation: late, userId: ids.fac, serverTime: expect.any(String) }]);
	});

	it('files a later change of a record whose making was filed, when the case came back before the device heard, instead of refusing it', async () => {
		const BACK = 'case-access-0002';
		await addCase(env.services, BACK, 'RJ-2026-0303', ids.coord!, [ids.fac!]);
		expect((await unassign(ids.fac!, BACK)).statusCode).toBe(200);
		const record = participant(BACK, 'participant-made-away', { createdBy: ids.fac! });
		const made = mutationOf(fac, undefined, record);
		expect((await push(env.app, fac, [made])).body.results[0]).toMatchObject({ status: 'filed' });
		// The coordinator gives the case back before the tablet's next pull could purge it.
		expect((await env.app.inject({ method: 'PUT', url: `/api/cases/${BACK}/facilitators/${ids.fac}`, headers: { cookie: coordCookie } })).statusCode).toBe(200);
		const later = mutationOf(fac, record, { ...record, name: 'Sam Later' });
		const { body } = await push(env.app, fac, [later]);
		expect(body.results).toEqual([{ status: 'filed', mutationId: later.mutationId, code: 'case-not-accessible' }]);
		const filed = await env.app.inject({ method: 'GET', url: `/api/cases/${BACK}/filed-changes`, headers: { cookie: coordCookie } });
		expect(filed.json<FiledChangesResponse>().changes.map((c) => c.mutation.mutationId)).toEqual(expect.arrayContaining([made.mutationId, later.mutationId]));
		await expect(env.services.couch.dbs.records.get(caseChildDocId(BACK, 'participant', 'participant-made-away'))).rejects.toMatchObject({ statusCode: 404 });
		// A change of a record nobody ever made is still refused.
		const ghost = participant(BACK, 'participant-never-made', { createdBy: ids.fac! });
		expect((await push(env.app, fac, [mutationOf(fac, ghost, { ...ghost, name: 'Nobody' })])).body.results[0]).toMatchObject({ status: 'rejected', code: 'record-not-found' });
	});

	it('files a push to a case that does not exist exactly as one the facilitator lost', async () => {
		const { body } = await push(env.app, fac, [mutationOf(fac, undefined, participant(NOWHERE, 'participant-nowhere', { createdBy: ids.fac! }))]);
		expect(body.results[0]).toMatchObject({ status: 'filed', code: 'case-not-accessible' });
	});

	it('answers every sync call from a revoked device with the wipe answer, and accepts nothing it sends', async () => {
		const tablet: Tablet = { deviceId: 'lost-tablet-0001', cookie: await signIn(env.app, 'coord', { id: 'lost-tablet-0001', label: 'Lost' }) };
		const admin = await signIn(env.app, 'admin');
		expect((await env.app.inject({ method: 'POST', url: `/api/devices/${tablet.deviceId}/revoke`, headers: { cookie: admin } })).statusCode).toBe(200);
		const before = await storeSnapshot(env.services.couch.dbs);
		const pushed = await push(env.app, tablet, [mutationOf(tablet, undefined, participant(CASE, 'participant-stolen-1', { createdBy: ids.fac! }))]);
		const pulled = await pull(env.app, tablet, { cases: [{ caseId: CASE }] });
		for (const answer of [pushed, pulled]) {
			expect(answer.status).toBe(403);
			expect(isWipeAnswer(answer.body)).toBe(true);
		}
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});

	it('lets only a signed-in registered device sync', async () => {
		const office = { deviceId: 'office-browser-01', cookie: coordCookie };
		const answer = await pull(env.app, office, { cases: [] });
		expect(answer.status).toBe(400);
		const anonymous = await env.app.inject({ method: 'POST', url: '/api/sync/pull', payload: { deviceId: 'anyone-000001', cases: [] } });
		expect(anonymous.statusCode).toBe(401);
	});
});
