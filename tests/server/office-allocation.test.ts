import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationListResponse, CaseAllocationResponse } from '../../src/lib/protocol/office.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const CASE = 'case-alloc-0001';

beforeAll(async () => {
	env = await startInProcess();
	ids.coord = await addUser(env.services, 'coord', ['coordinator']);
	for (const name of ['ann', 'bob', 'cat']) ids[name] = await addUser(env.services, name, ['facilitator']);
	ids.admin = await addUser(env.services, 'admin', ['administrator']);
	await addCase(env.services, CASE, 'RJ-2026-0300', ids.coord, []);
	await addCase(env.services, 'case-alloc-0002', 'RJ-2026-0301', ids.coord, [ids.bob!]);
	for (const name of ['coord', 'ann', 'bob', 'admin']) cookies[name] = await signIn(env.app, name);
}, 60_000);
afterAll(() => env.stop());

const as = (who: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
	env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const setFacilitators = (facilitatorIds: string[], who = 'coord') => as(who, 'PUT', `/api/cases/${CASE}/facilitators`, { facilitatorIds });
const myCases = async (who: string) => (await as(who, 'GET', '/api/cases')).json<{ cases: { id: string }[] }>().cases.map((c) => c.id);
const codes = (answer: CaseAllocationResponse) => answer.case.warnings.map((w) => w.code);

describe('allocation', () => {
	it('warns that a new case has no facilitator, and lists facilitators with their caseloads', async () => {
		const answer = (await as('coord', 'GET', `/api/cases/${CASE}/allocation`)).json<CaseAllocationResponse>();
		expect(codes(answer)).toEqual(['too-few']);
		expect(answer.facilitators.map((f) => [f.displayName, f.caseload])).toEqual([['Test ann', 0], ['Test bob', 1], ['Test cat', 0]]);
	});

	it('assigns two facilitators, who then find the case among theirs', async () => {
		const answer = await setFacilitators([ids.ann!, ids.bob!]);
		expect(answer.statusCode).toBe(200);
		expect(answer.json<CaseAllocationResponse>().case).toMatchObject({ facilitatorIds: [ids.ann, ids.bob], warnings: [] });
		expect(await myCases('ann')).toContain(CASE);
		expect(await myCases('bob')).toContain(CASE);
	});

	it('reassigns: the one taken off loses the case at once, the one put on gains it', async () => {
		const answer = await setFacilitators([ids.ann!, ids.cat!]);
		expect(answer.json<CaseAllocationResponse>().case.facilitatorIds).toEqual([ids.ann, ids.cat]);
		expect(await myCases('bob')).not.toContain(CASE);
		expect(await env.services.accounts.isAssigned(ids.cat!, CASE)).toBe(true);
		expect((await as('bob', 'GET', `/api/cases/${CASE}`)).statusCode).toBe(404);
	});

	it('warns about a recorded conflict of interest, and stops once it is removed', async () => {
		const recorded = await as('coord', 'PUT', `/api/cases/${CASE}/conflicts-of-interest/${ids.cat}`, { note: 'Lives next door to the harmed person.' });
		expect(codes(recorded.json<CaseAllocationResponse>())).toEqual(['conflict-of-interest']);
		expect(recorded.json<CaseAllocationResponse>().conflictNotes).toEqual([expect.objectContaining({ userId: ids.cat, note: 'Lives next door to the harmed person.' })]);
		const removed = await as('coord', 'DELETE', `/api/cases/${CASE}/conflicts-of-interest/${ids.cat}`);
		expect(codes(removed.json<CaseAllocationResponse>())).toEqual([]);
	});

	it('warns when a facilitator is over the caseload limit an administrator set', async () => {
		expect((await as('admin', 'PUT', '/api/settings/caseload', { caseloadLimit: 1 })).statusCode).toBe(200);
		await setFacilitators([ids.bob!, ids.cat!]);
		const list = (await as('coord', 'GET', '/api/allocations')).json<AllocationListResponse>();
		expect(list.caseloadLimit).toBe(1);
		const item = list.cases.find((c) => c.id === CASE);
		expect(item?.warnings).toEqual([{ code: 'over-caseload', userId: ids.bob, message: 'Test bob has 2 open cases, over the limit of 1.' }]);
		await as('admin', 'PUT', '/api/settings/caseload', { caseloadLimit: 8 });
	});

	it('unassigns one facilitator, leaving a warning that only one is assigned', async () => {
		const answer = (await setFacilitators([ids.cat!])).json<CaseAllocationResponse>();
		expect(answer.case.facilitatorIds).toEqual([ids.cat]);
		expect(codes(answer)).toEqual(['too-few']);
		expect(await myCases('bob')).not.toContain(CASE);
	});

	it('refuses someone who is not a facilitator, or three people, naming the field and changing nothing', async () => {
		const notFacilitator = await setFacilitators([ids.ann!, ids.coord!]);
		expect(notFacilitator.statusCode).toBe(400);
		expect(notFacilitator.json()).toMatchObject({ fields: [{ path: 'facilitatorIds.1', message: 'Choose a person who is a facilitator and can sign in' }] });
		const three = await setFacilitators([ids.ann!, ids.bob!, ids.cat!]);
		expect(three.json()).toMatchObject({ fields: [{ path: 'facilitatorIds', message: 'A case has at most two facilitators' }] });
		expect((await env.services.cases.get(CASE))?.facilitatorIds).toEqual([ids.cat]);
		expect(await env.services.accounts.isAssigned(ids.ann!, CASE)).toBe(false);
	});

	it('refuses a caseload limit that is not a whole number, naming the field', async () => {
		const answer = await as('admin', 'PUT', '/api/settings/caseload', { caseloadLimit: 2.5 });
		expect(answer.json()).toMatchObject({ fields: [{ path: 'caseloadLimit', message: 'Use a whole number of cases' }] });
		expect(await env.services.allocation.caseloadLimit()).toBe(8);
	});

	it('is not for facilitators: their own case answers forbidden, any other not found, and nothing changes', async () => {
		expect((await setFacilitators([ids.cat!, ids.ann!], 'ann')).statusCode).toBe(404);
		expect((await as('ann', 'GET', '/api/allocations')).statusCode).toBe(403);
		expect((await as('ann', 'PUT', '/api/settings/caseload', { caseloadLimit: 50 })).statusCode).toBe(403);
		await setFacilitators([ids.cat!, ids.ann!]);
		expect((await setFacilitators([ids.ann!], 'ann')).statusCode).toBe(403);
		expect((await as('ann', 'PUT', `/api/cases/${CASE}/conflicts-of-interest/${ids.cat}`, { note: 'x' })).statusCode).toBe(403);
		expect((await env.services.cases.get(CASE))?.facilitatorIds).toEqual([ids.cat, ids.ann]);
	});
});
