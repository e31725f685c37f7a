import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry, AccessReviewResponse, DeviceExposureResponse } from '../../src/lib/protocol/access-review.js';
import { isWipeAnswer } from '../../src/lib/protocol/sync-pull.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { pullAll, type Tablet } from './sync-support.js';

const MINE = 'case-review-0001';
const OTHERS = 'case-review-0002';
const LEFT = 'case-review-0003';
let env: InProcess;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let fac: Tablet;

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	Object.assign(ids, {
		fac: await addUser(s, 'fac', ['facilitator']),
		other: await addUser(s, 'other', ['facilitator']),
		coord: await addUser(s, 'coord', ['coordinator']),
		admin: await addUser(s, 'admin', ['administrator'])
	});
	await addCase(s, MINE, 'RJ-2026-0401', ids.coord!, [ids.fac!]);
	await addCase(s, OTHERS, 'RJ-2026-0402', ids.coord!, [ids.other!]);
	await addCase(s, LEFT, 'RJ-2026-0403', ids.coord!, [ids.fac!]);
	fac = { deviceId: 'review-tablet-01', cookie: await signIn(env.app, 'fac', { id: 'review-tablet-01', label: 'Tablet 7' }) };
	cookies.coord = await signIn(env.app, 'coord');
	cookies.admin = await signIn(env.app, 'admin');
}, 60_000);
afterAll(() => env.stop());

const entry = (caseId: string, at: string, screen: AccessEntry['screen'] = 'notes'): AccessEntry => ({ id: randomUUID(), caseId, screen, at });
const report = (entries: unknown[], tablet: Tablet = fac, deviceId = tablet.deviceId) =>
	env.app.inject({ method: 'POST', url: '/api/sync/access-reports', headers: { cookie: tablet.cookie }, payload: { deviceId, entries } });
const office = (url: string, who: 'coord' | 'admin' = 'coord') => env.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const review = async (query: string) => {
	const answer = await office(`/api/data-protection/access?${query}`);
	expect(answer.statusCode).toBe(200);
	return answer.json<AccessReviewResponse>();
};
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('reads made offline, reported at sync', () => {
	it('shows an offline read in the case’s access review with the tablet, the person and the time it happened', async () => {
		const read = entry(MINE, minutesAgo(2), 'notes');
		const answer = await report([read]);
		expect(answer.statusCode).toBe(200);
		expect(answer.json()).toEqual({ acknowledged: [read.id] });
		const { lines } = await review('caseReference=RJ-2026-0401');
		expect(lines).toContainEqual(
			expect.objectContaining({ reference: 'RJ-2026-0401', userName: 'Test fac', deviceLabel: 'Tablet 7', at: read.at, screen: 'notes', source: 'offline-report', action: 'read' })
		);
		expect(lines.find((l) => l.at === read.at)?.flag).toBeUndefined();
	});

	it('flags a reported read of a case the person was never assigned to', async () => {
		const read = entry(OTHERS, minutesAgo(1), 'case');
		expect((await report([read])).json()).toEqual({ acknowledged: [read.id] });
		const { lines } = await review('caseReference=RJ-2026-0402');
		expect(lines).toEqual([expect.objectContaining({ userId: ids.fac, at: read.at, flag: 'not-assigned' })]);
	});

	it('keeps a read made while assigned unflagged after unassignment, and flags one made after', async () => {
		const before = entry(LEFT, minutesAgo(0));
		const gone = await env.app.inject({ method: 'DELETE', url: `/api/cases/${LEFT}/facilitators/${ids.fac}`, headers: { cookie: cookies.coord! } });
		expect(gone.statusCode).toBe(200);
		const after = entry(LEFT, new Date(Date.now() + 11 * 60_000).toISOString());
		await report([before, after]);
		const { lines } = await review('caseReference=RJ-2026-0403');
		expect(lines.find((l) => l.at === before.at)?.flag).toBeUndefined();
		expect(lines.find((l) => l.at === after.at)?.flag).toBe('not-assigned');
	});

	it('files each entry once however often the tablet sends it', async () => {
		const read = entry(MINE, minutesAgo(30), 'checklist');
		const count = async () => (await review('caseReference=RJ-2026-0401')).lines.filter((l) => l.at === read.at).length;
		expect((await report([read])).json()).toEqual({ acknowledged: [read.id] });
		expect((await report([read])).json()).toEqual({ acknowledged: [read.id] });
		expect(await count()).toBe(1);
	});

	it('refuses a malformed report naming the field, and records none of it', async () => {
		const good = entry(MINE, '2026-01-02T03:04:05.000Z');
		const answer = await report([good, { ...entry(MINE, minutesAgo(1)), screen: 'diary' }]);
		expect(answer.statusCode).toBe(400);
		expect(answer.json<{ fields: { path: string }[] }>().fields).toContainEqual(expect.objectContaining({ path: 'entries.1.screen' }));
		const wrongDevice = await report([good], fac, 'someone-elses-01');
		expect(wrongDevice.statusCode).toBe(400);
		expect(wrongDevice.json<{ fields: { path: string }[] }>().fields).toEqual([expect.objectContaining({ path: 'deviceId' })]);
		expect((await review('caseReference=RJ-2026-0401&from=2026-01-02&to=2026-01-02')).lines).toEqual([]);
	});
});

describe('the access review', () => {
	it('lists, per person, the cases they opened in a period', async () => {
		const today = new Date().toISOString().slice(0, 10);
		const { cases } = await review(`userId=${ids.fac}&from=${today}&to=${today}`);
		expect(cases.map((c) => c.reference)).toEqual(['RJ-2026-0401', 'RJ-2026-0402', 'RJ-2026-0403']);
		expect((await review(`userId=${ids.fac}&from=2020-01-01&to=2020-01-31`)).cases).toEqual([]);
	});

	it('names the field when a search is wrong', async () => {
		const unknown = await office('/api/data-protection/access?caseReference=RJ-2026-9999');
		expect(unknown.statusCode).toBe(400);
		expect(unknown.json<{ fields: { path: string }[] }>().fields).toEqual([expect.objectContaining({ path: 'caseReference' })]);
		const neither = await office('/api/data-protection/access?from=2026-01-01');
		expect(neither.json<{ fields: { path: string }[] }>().fields).toEqual([expect.objectContaining({ path: 'caseReference' })]);
		const backwards = await office(`/api/data-protection/access?userId=${ids.fac}&from=2026-02-01&to=2026-01-01`);
		expect(backwards.json<{ fields: { path: string }[] }>().fields).toEqual([expect.objectContaining({ path: 'to' })]);
	});

	it('is not for facilitators', async () => {
		const answer = await env.app.inject({ method: 'GET', url: `/api/data-protection/access?userId=${ids.fac}`, headers: { cookie: fac.cookie } });
		expect(answer.statusCode).toBe(403);
	});
});

describe('breach support', () => {
	it('lists each tablet with the cases it pulled, how many records each holds, and when it last synced', async () => {
		const other: Tablet = { deviceId: 'review-tablet-02', cookie: await signIn(env.app, 'other', { id: 'review-tablet-02', label: 'Tablet 8' }) };
		await pullAll(env.app, other, {});
		await report([], other);
		const { devices } = (await office('/api/data-protection/devices', 'admin')).json<DeviceExposureResponse>();
		const tablet = devices.find((d) => d.id === 'review-tablet-02')!;
		expect(tablet.label).toBe('Tablet 8');
		expect(tablet.users).toEqual([{ id: ids.other, name: 'Test other' }]);
		expect(tablet.cases).toEqual([expect.objectContaining({ reference: 'RJ-2026-0402', records: 1 })]);
		expect(Date.now() - Date.parse(tablet.lastSyncAt)).toBeLessThan(60_000);
	});

	it('drops a case the tablet has synced since losing, and keeps one it has not', async () => {
		await pullAll(env.app, fac, {});
		const held = async () => (await office('/api/data-protection/devices')).json<DeviceExposureResponse>().devices.find((d) => d.id === fac.deviceId)!;
		expect((await held()).cases.map((c) => c.reference)).toEqual(['RJ-2026-0401']);
		const gone = await env.app.inject({ method: 'DELETE', url: `/api/cases/${MINE}/facilitators/${ids.fac}`, headers: { cookie: cookies.coord! } });
		expect(gone.statusCode).toBe(200);
		expect((await held()).cases.map((c) => c.reference)).toEqual(['RJ-2026-0401']);
		await pullAll(env.app, fac, { [MINE]: undefined });
		await report([]);
		expect((await held()).cases).toEqual([]);
	});

	it('revokes a tablet from the same list: it shows as revoked and its next report is answered with the wipe', async () => {
		const revoked = await env.app.inject({ method: 'POST', url: `/api/devices/${fac.deviceId}/revoke`, headers: { cookie: cookies.admin! } });
		expect(revoked.statusCode).toBe(200);
		const { devices } = (await office('/api/data-protection/devices', 'admin')).json<DeviceExposureResponse>();
		expect(devices.find((d) => d.id === fac.deviceId)?.revokedAt).toBeTruthy();
		const answer = await report([entry(MINE, minutesAgo(0))]);
		expect(answer.statusCode).toBe(403);
		expect(isWipeAnswer(answer.json())).toBe(true);
	});
});
