import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addUser, PASSWORD, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const ids: Record<string, string> = {};
let admin = '';

beforeAll(async () => {
	env = await startInProcess();
	ids.coord = await addUser(env.services, 'coord', ['coordinator']);
	ids.fac = await addUser(env.services, 'fac', ['facilitator']);
	ids.leaver = await addUser(env.services, 'leaver', ['facilitator']);
	ids.spare = await addUser(env.services, 'spare', ['facilitator']);
	ids.admin = await addUser(env.services, 'admin', ['administrator']);
	await addCase(env.services, 'case-admin-0001', 'RJ-2026-0101', ids.coord, [ids.fac]);
	admin = await signIn(env.app, 'admin');
}, 60_000);
afterAll(() => env.stop());

const as = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
	env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const auditOf = async (userId: string) => (await as(admin, 'GET', `/api/users/${userId}/audit`)).json<{ entries: { action: string; byUserId: string; roles?: object }[] }>().entries;

describe('changing roles', () => {
	it('counts at once: a coordinator made facilitator-only loses a case they are not on at their very next request', async () => {
		const cookie = await signIn(env.app, 'coord');
		expect((await as(cookie, 'GET', '/api/cases/case-admin-0001')).statusCode).toBe(200);
		const changed = await as(admin, 'PUT', `/api/users/${ids.coord}/roles`, { roles: ['facilitator'] });
		expect(changed.json()).toMatchObject({ username: 'coord', roles: ['facilitator'], secondFactor: false });
		expect((await as(cookie, 'GET', '/api/cases/case-admin-0001')).statusCode).toBe(404);
		expect(await auditOf(ids.coord!)).toEqual([
			expect.objectContaining({ action: 'roles-changed', byUserId: ids.admin, roles: { before: ['coordinator'], after: ['facilitator'] } })
		]);
	});

	it('will not let an administrator take the administrator role from their own account', async () => {
		const answer = await as(admin, 'PUT', `/api/users/${ids.admin}/roles`, { roles: ['coordinator'] });
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ error: 'bad-request', fields: [{ path: 'roles' }] });
		expect((await as(admin, 'GET', '/api/users')).statusCode).toBe(200);
	});

	it('answers not-found for a person who does not exist, and refuses a role that does not', async () => {
		expect((await as(admin, 'PUT', '/api/users/00000000-0000-4000-8000-000000000000/roles', { roles: ['facilitator'] })).statusCode).toBe(404);
		const bad = await as(admin, 'PUT', `/api/users/${ids.fac}/roles`, { roles: ['superuser'] });
		expect(bad.json()).toMatchObject({ error: 'bad-request', fields: [{ path: 'roles.0', message: 'Choose facilitator, coordinator or administrator' }] });
	});
});

describe('switching an account off and on', () => {
	it('stops its sessions at once, on access and refresh cookies alike, and refuses its sign-in', async () => {
		const cookie = await signIn(env.app, 'leaver', { id: 'leaver-tablet-01', label: 'Tablet 3' });
		const off = await as(admin, 'POST', `/api/users/${ids.leaver}/disable`);
		expect(off.json()).toMatchObject({ username: 'leaver', disabledAt: expect.any(String) });
		const refreshOnly = cookie.split('; ').filter((c) => c.startsWith('tandem_refresh=')).join('');
		for (const sent of [cookie, refreshOnly]) {
			const answer = await as(sent, 'GET', '/api/cases');
			expect(answer.statusCode).toBe(401);
			expect(answer.json()).toMatchObject({ error: 'account-disabled' });
		}
		const again = await env.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'leaver', password: PASSWORD } });
		expect(again.statusCode).toBe(401);
		expect(again.json()).toMatchObject({ error: 'account-disabled' });
		expect(again.cookies).toEqual([]);
		// A wrong password still gets the usual answer: only the right one learns the account is off.
		const wrong = await env.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'leaver', password: 'not the password' } });
		expect(wrong.json()).toMatchObject({ error: 'sign-in-failed' });
		const listed = (await as(admin, 'GET', '/api/users')).json<{ users: { username: string; disabledAt?: string }[] }>();
		expect(listed.users.find((u) => u.username === 'leaver')?.disabledAt).toBeDefined();
	});

	it('lets the person sign in again once switched back on, without reviving any old session', async () => {
		const old = await signIn(env.app, 'fac');
		await as(admin, 'POST', `/api/users/${ids.fac}/disable`);
		const on = await as(admin, 'POST', `/api/users/${ids.fac}/enable`);
		expect(on.statusCode).toBe(200);
		expect(on.json()).not.toHaveProperty('disabledAt');
		expect((await as(old, 'GET', '/api/session')).statusCode).toBe(401);
		const fresh = await signIn(env.app, 'fac');
		expect((await as(fresh, 'GET', '/api/cases/case-admin-0001')).statusCode).toBe(200);
		expect((await auditOf(ids.fac!)).map((e) => e.action)).toEqual(['disabled', 'enabled']);
	});

	it("lets the next person sign in on a browser that still holds a switched-off account's cookies", async () => {
		const stale = await signIn(env.app, 'spare');
		await as(admin, 'POST', `/api/users/${ids.spare}/disable`);
		const next = await env.app.inject({ method: 'POST', url: '/api/session', headers: { cookie: stale }, payload: { username: 'coord', password: PASSWORD } });
		expect(next.statusCode).toBe(200);
		expect(next.json()).toMatchObject({ username: 'coord' });
	});

	it('logs switching off once, however often it is asked', async () => {
		await as(admin, 'POST', `/api/users/${ids.leaver}/disable`);
		expect((await auditOf(ids.leaver!)).map((e) => e.action)).toEqual(['disabled']);
	});

	it('will not let an administrator switch off their own account', async () => {
		const answer = await as(admin, 'POST', `/api/users/${ids.admin}/disable`);
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ fields: [{ path: 'userId', message: 'You cannot switch off your own account; ask another administrator.' }] });
		expect((await as(admin, 'GET', '/api/users')).statusCode).toBe(200);
	});
});
