import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeAt, fromBase32, stepAt } from '../../server/services/totp.js';
import { addUser, cookieHeader, PASSWORD, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;

beforeAll(async () => {
	env = await startInProcess();
	for (const name of ['coordone', 'coordtwo', 'coordthree', 'coordfour', 'coordfive', 'coordsix', 'coordseven']) await addUser(env.services, name, ['coordinator']);
	await addUser(env.services, 'admin', ['administrator']);
}, 60_000);
afterAll(() => env.stop());

/** The code an authenticator app shows `ahead` steps from now; 0 and 1 stay valid if a step boundary passes mid-test. */
const code = (secret: string, ahead = 0) => codeAt(fromBase32(secret), stepAt(Date.now() / 1000) + ahead);
/** A well-formed code that no step near now produces, so it is wrong whatever the clock does. */
const wrong = (secret: string) => ['000000', '111111', '222222'].find((c) => ![-2, -1, 0, 1, 2, 3].some((ahead) => code(secret, ahead) === c))!;
const post = (url: string, cookie: string, payload?: object) => env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const signInWith = (username: string, extra: object = {}, remoteAddress = '127.0.0.1') =>
	env.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: PASSWORD, ...extra }, remoteAddress });

/** Sets up and confirms a second factor for this person; returns the secret their phone holds. */
async function enrol(username: string): Promise<{ cookie: string; secret: string }> {
	const cookie = await signIn(env.app, username);
	const started = await post('/api/session/second-factor', cookie);
	expect(started.statusCode).toBe(201);
	const { secret, uri } = started.json<{ secret: string; uri: string }>();
	expect(uri).toBe(`otpauth://totp/Tandem%3A${username}?secret=${secret}&issuer=Tandem&algorithm=SHA1&digits=6&period=30`);
	expect((await post('/api/session/second-factor/confirm', cookie, { code: code(secret) })).statusCode).toBe(200);
	return { cookie, secret };
}

describe('the second factor', () => {
	it('is not asked for until it is confirmed with a first code from the phone', async () => {
		const cookie = await signIn(env.app, 'coordone');
		const first = (await post('/api/session/second-factor', cookie)).json<{ secret: string }>();
		expect((await signInWith('coordone')).statusCode).toBe(200);
		// Setting up again replaces the secret: a code from the first one no longer confirms.
		const second = (await post('/api/session/second-factor', cookie)).json<{ secret: string }>();
		const stale = await post('/api/session/second-factor/confirm', cookie, { code: code(first.secret) });
		expect(stale.statusCode).toBe(400);
		expect(stale.json()).toMatchObject({ error: 'second-factor-failed', fields: [{ path: 'code' }] });
		expect((await env.app.inject({ method: 'GET', url: '/api/session/second-factor', headers: { cookie } })).json()).toEqual({ enabled: false, pending: true });
		expect((await post('/api/session/second-factor/confirm', cookie, { code: code(second.secret) })).json()).toEqual({ enabled: true, pending: false });
	});

	it('asks for the code at sign-in once on, accepts a current one, and refuses it a second time', async () => {
		const { secret } = await enrol('coordtwo');
		const withoutCode = await signInWith('coordtwo');
		expect(withoutCode.statusCode).toBe(401);
		expect(withoutCode.json()).toMatchObject({ error: 'second-factor-required' });
		expect(withoutCode.cookies).toEqual([]);
		const next = code(secret, 1);
		const signedIn = await signInWith('coordtwo', { code: next.replace(/(\d{3})/, '$1 ') });
		expect(signedIn.statusCode).toBe(200);
		const replayed = await signInWith('coordtwo', { code: next });
		expect(replayed.statusCode).toBe(401);
		expect(replayed.json()).toMatchObject({ error: 'second-factor-failed' });
		expect(replayed.cookies).toEqual([]);
	});

	it('accepts a code once when two sign-ins send it at the same moment, as two server processes would', async () => {
		const { secret } = await enrol('coordseven');
		const same = code(secret, 1);
		const answers = await Promise.all([signInWith('coordseven', { code: same }), signInWith('coordseven', { code: same })]);
		expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
	});

	it('never shows the secret again once it is on, and cannot be set up twice', async () => {
		const { cookie, secret } = await enrol('coordthree');
		const again = await post('/api/session/second-factor', cookie);
		expect(again.statusCode).toBe(409);
		const admin = await signIn(env.app, 'admin');
		const users = await env.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
		for (const answer of [again, users, await env.app.inject({ method: 'GET', url: '/api/session/second-factor', headers: { cookie } })]) expect(answer.body).not.toContain(secret);
		expect(users.json<{ users: { username: string; secondFactor: boolean }[] }>().users.find((u) => u.username === 'coordthree')?.secondFactor).toBe(true);
	});

	it('pauses sign-in after five wrong codes, even with the right password and code', async () => {
		const { secret } = await enrol('coordfour');
		for (let i = 0; i < 5; i++) expect((await signInWith('coordfour', { code: wrong(secret) }, `10.9.0.${i}`)).statusCode).toBe(401);
		const paused = await signInWith('coordfour', { code: code(secret, 1) }, '10.9.0.99');
		expect(paused.statusCode).toBe(429);
		expect(paused.json()).toMatchObject({ error: 'too-many-attempts' });
	});

	it('turns off with a current code, after which the password alone signs in', async () => {
		const { cookie, secret } = await enrol('coordfive');
		expect((await post('/api/session/second-factor/disable', cookie, { code: code(secret, 1) })).json()).toEqual({ enabled: false, pending: false });
		expect((await signInWith('coordfive')).statusCode).toBe(200);
	});

	it('stays on after a wrong code, and an administrator can reset it for a lost phone', async () => {
		const { secret } = await enrol('coordsix');
		const cookie = cookieHeader(await signInWith('coordsix', { code: code(secret, 1) }));
		const refused = await post('/api/session/second-factor/disable', cookie, { code: wrong(secret) });
		expect(refused.statusCode).toBe(400);
		expect(refused.json()).toMatchObject({ error: 'second-factor-failed', fields: [{ path: 'code' }] });
		expect((await signInWith('coordsix')).json()).toMatchObject({ error: 'second-factor-required' });
		const admin = await signIn(env.app, 'admin');
		const users = (await env.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json<{ users: { id: string; username: string }[] }>();
		const id = users.users.find((u) => u.username === 'coordsix')!.id;
		expect((await post(`/api/users/${id}/second-factor/reset`, admin)).json()).toMatchObject({ username: 'coordsix', secondFactor: false });
		expect((await signInWith('coordsix')).statusCode).toBe(200);
		const log = (await env.app.inject({ method: 'GET', url: `/api/users/${id}/audit`, headers: { cookie: admin } })).json<{ entries: { action: string }[] }>();
		expect(log.entries.map((e) => e.action)).toEqual(['second-factor-enabled', 'second-factor-reset']);
	});
});
