import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, cookieHeader, PASSWORD, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const tablet = { id: 'tablet-lost-0001', label: 'Tablet 7' };

beforeAll(async () => {
	env = await startInProcess();
	await addUser(env.services, 'fac', ['facilitator']);
	await addUser(env.services, 'cofac', ['facilitator']);
	await addUser(env.services, 'sharer', ['facilitator']);
	await addUser(env.services, 'admin', ['administrator']);
}, 60_000);
afterAll(() => env.stop());

const get = (url: string, cookie?: string) => env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const only = (cookie: string, name: string) => cookie.split('; ').filter((c) => c.startsWith(`${name}=`)).join('');

describe('sessions', () => {
	it('sets a short access cookie and a refresh cookie, both HttpOnly, Secure and SameSite=Strict', async () => {
		const answer = await env.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'fac', password: PASSWORD } });
		const byName = Object.fromEntries(answer.cookies.map((c) => [c.name, c]));
		for (const name of ['tandem_session', 'tandem_refresh']) expect(byName[name]).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api' });
		expect(byName.tandem_session!.maxAge).toBeLessThanOrEqual(15 * 60);
		expect(byName.tandem_refresh!.maxAge).toBeGreaterThan(24 * 60 * 60);
	});

	it('renews the access cookie from the refresh cookie, so a page open for hours keeps working', async () => {
		const refreshOnly = only(await signIn(env.app, 'fac'), 'tandem_refresh');
		const answer = await get('/api/cases', refreshOnly);
		expect(answer.statusCode).toBe(200);
		expect(answer.cookies.find((c) => c.name === 'tandem_session')?.value).toBeTruthy();
	});

	it("a tablet's request reads its session, user and device from the store in one request, not three", async () => {
		const cookie = await signIn(env.app, 'fac', { id: 'tablet-count-0001', label: 'Tablet 9' });
		const before = env.services.couch.gate.sent;
		const answer = await get('/api/session', only(cookie, 'tandem_session'));
		expect(answer.statusCode).toBe(200);
		expect(answer.json()).toMatchObject({ username: 'fac' });
		expect(env.services.couch.gate.sent - before).toBe(1);
	});

	it('signing out ends the session in the store: neither old cookie works again', async () => {
		const cookie = await signIn(env.app, 'fac');
		expect((await env.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204);
		expect((await get('/api/session', cookie)).statusCode).toBe(401);
		expect((await get('/api/session', only(cookie, 'tandem_refresh'))).statusCode).toBe(401);
	});

	it('refuses a state-changing request sent from another site', async () => {
		const cookie = await signIn(env.app, 'fac');
		const answer = await env.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, origin: 'https://evil.example' } });
		expect(answer.statusCode).toBe(403);
		expect((await get('/api/session', cookie)).statusCode).toBe(200);
	});

	it('refuses a plain-text body, which a cross-site form could send', async () => {
		const answer = await env.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'text/plain' }, payload: 'username=fac' });
		expect(answer.statusCode).toBe(415);
	});
});

describe('sign-in rate limits', () => {
	const attempt = (username: string, password: string, remoteAddress: string) =>
		env.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress });

	it('pauses an account after five wrong passwords, with the same words whether or not it exists', async () => {
		for (let i = 0; i < 5; i++) {
			expect((await attempt('cofac', 'wrong', `10.0.1.${i}`)).statusCode).toBe(401);
			expect((await attempt('ghost', 'wrong', `10.0.2.${i}`)).statusCode).toBe(401);
		}
		const real = await attempt('cofac', PASSWORD, '10.0.1.99');
		const ghost = await attempt('ghost', 'wrong', '10.0.2.99');
		expect(real.statusCode).toBe(429);
		expect(ghost.statusCode).toBe(429);
		expect(real.json()).toEqual(ghost.json());
		expect(real.cookies).toEqual([]);
	});

	it('pauses an address that tries many accounts', async () => {
		for (let i = 0; i < 30; i++) await attempt(`guess${i}`, 'wrong', '10.0.3.1');
		expect((await attempt('fac', PASSWORD, '10.0.3.1')).statusCode).toBe(429);
		expect((await attempt('fac', PASSWORD, '10.0.3.2')).statusCode).toBe(200);
	});
});

describe('devices', () => {
	it('registers a tablet at sign-in and lists everyone who used it for administrators', async () => {
		await signIn(env.app, 'fac', tablet);
		await signIn(env.app, 'sharer', { ...tablet, label: 'ignored on second use' });
		const admin = await signIn(env.app, 'admin');
		const renamed = await env.app.inject({ method: 'PATCH', url: `/api/devices/${tablet.id}`, headers: { cookie: admin }, payload: { label: 'Tablet 7 (HMP Example)' } });
		expect(renamed.statusCode).toBe(200);
		const list = (await get('/api/devices', admin)).json<{ devices: { id: string; label: string; users: { username: string }[] }[] }>();
		const device = list.devices.find((d) => d.id === tablet.id);
		expect(device?.label).toBe('Tablet 7 (HMP Example)');
		expect(device?.users.map((u) => u.username).sort()).toEqual(['fac', 'sharer']);
	});

	it("answers a revoked tablet's next request with a wipe, and will not let it sign in again", async () => {
		const device = { id: 'tablet-gone-0002', label: 'Tablet 9' };
		const cookie = await signIn(env.app, 'fac', device);
		const admin = await signIn(env.app, 'admin');
		expect((await env.app.inject({ method: 'POST', url: `/api/devices/${device.id}/revoke`, headers: { cookie: admin } })).statusCode).toBe(200);
		for (const sent of [cookie, only(cookie, 'tandem_refresh')]) {
			const answer = await get('/api/cases', sent);
			expect(answer.statusCode).toBe(403);
			expect(answer.json()).toMatchObject({ error: 'device-revoked', action: 'wipe' });
			expect(answer.cookies.map((c) => c.value)).toEqual(['', '']);
		}
		// Its reachability check still says the server is up, so its next sync goes on to be told to wipe.
		expect((await get('/api/health', cookie)).statusCode).toBe(200);
		const again = await env.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'sharer', password: PASSWORD, device } });
		expect(again.json()).toMatchObject({ error: 'device-revoked', action: 'wipe' });
		expect(cookieHeader(again)).toBe('');
	});

	it('answers the same for revoking a device that does not exist as for any missing thing', async () => {
		const admin = await signIn(env.app, 'admin');
		const answer = await env.app.inject({ method: 'POST', url: '/api/devices/never-seen-0001/revoke', headers: { cookie: admin } });
		expect(answer.statusCode).toBe(404);
	});
});
