import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, cookieHeader, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
let admin = '';
let coordinator = '';
let facilitator = '';

beforeAll(async () => {
	env = await startInProcess();
	await addUser(env.services, 'admin', ['administrator']);
	await addUser(env.services, 'coord', ['coordinator']);
	await addUser(env.services, 'fac', ['facilitator']);
	admin = await signIn(env.app, 'admin');
	coordinator = await signIn(env.app, 'coord');
	facilitator = await signIn(env.app, 'fac');
}, 60_000);
afterAll(() => env.stop());

type Method = 'GET' | 'POST';
const as = (cookie: string | undefined, method: Method, url: string, payload?: object) =>
	env.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const usernames = async () => (await as(admin, 'GET', '/api/users')).json<{ users: { username: string }[] }>().users.map((u) => u.username).sort();
const invite = (username: string, cookie = admin) => as(cookie, 'POST', '/api/invitations', { username, displayName: `New ${username}`, roles: ['facilitator'] });
const signInWith = (username: string, password: string) => env.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

describe('inviting a person', () => {
	it('makes the account and a link; following it once sets the password the person then signs in with', async () => {
		const made = await invite('newstarter');
		expect(made.statusCode).toBe(201);
		const { user, token, path } = made.json<{ user: { id: string; username: string; roles: string[] }; token: string; path: string }>();
		expect(user).toMatchObject({ username: 'newstarter', roles: ['facilitator'] });
		expect(path).toBe(`/invitation/${token}`);

		expect((await as(undefined, 'GET', `/api/public/invitations/${token}`)).json()).toMatchObject({ username: 'newstarter', displayName: 'New newstarter' });
		const set = await as(undefined, 'POST', `/api/public/invitations/${token}`, { password: 'my own long password' });
		expect(set.statusCode).toBe(200);
		const signedIn = await signInWith('newstarter', 'my own long password');
		expect(signedIn.statusCode).toBe(200);
		expect(cookieHeader(signedIn)).toContain('tandem_');

		const again = await as(undefined, 'POST', `/api/public/invitations/${token}`, { password: 'someone else entirely' });
		expect(again.statusCode).toBe(404);
		expect(again.json().message).toContain('This invitation has closed');
		expect((await signInWith('newstarter', 'someone else entirely')).statusCode).toBe(401);
		const log = (await as(admin, 'GET', `/api/users/${user.id}/audit`)).json<{ entries: { action: string }[] }>().entries.map((e) => e.action);
		expect(log).toEqual(['invited', 'password-set']);
	});

	it('refuses a short password naming the field, and the link stays open', async () => {
		const { token } = (await invite('shortpw')).json<{ token: string }>();
		const bad = await as(undefined, 'POST', `/api/public/invitations/${token}`, { password: 'short' });
		expect(bad.statusCode).toBe(400);
		expect(bad.json()).toMatchObject({ error: 'bad-request', fields: [{ path: 'password', message: 'A password has at least 12 characters' }] });
		expect((await as(undefined, 'GET', `/api/public/invitations/${token}`)).statusCode).toBe(200);
	});

	it('refuses a bad username or no role naming the field, and makes nobody', async () => {
		const before = await usernames();
		const badName = await as(admin, 'POST', '/api/invitations', { username: 'Has Spaces!', displayName: 'X', roles: ['facilitator'] });
		expect(badName.json()).toMatchObject({ error: 'bad-request', fields: [{ path: 'username' }] });
		const noRole = await as(admin, 'POST', '/api/invitations', { username: 'norole', displayName: 'X', roles: [] });
		expect(noRole.json()).toMatchObject({ error: 'bad-request', fields: [{ path: 'roles', message: 'Choose at least one role' }] });
		expect(await usernames()).toEqual(before);
	});

	it('refuses a username that is taken', async () => {
		const answer = await invite('coord');
		expect(answer.statusCode).toBe(409);
	});

	it('is for administrators only: a coordinator or facilitator cannot invite anyone', async () => {
		const before = await usernames();
		expect((await invite('sneaky', coordinator)).statusCode).toBe(403);
		expect((await invite('sneaky', facilitator)).statusCode).toBe(403);
		expect(await usernames()).toEqual(before);
	});

	it('answers an unknown link and a switched-off account the same way', async () => {
		expect((await as(undefined, 'GET', `/api/public/invitations/${'x'.repeat(43)}`)).statusCode).toBe(404);
		const made = (await invite('leaverinvite')).json<{ token: string; user: { id: string } }>();
		await as(admin, 'POST', `/api/users/${made.user.id}/disable`);
		expect((await as(undefined, 'POST', `/api/public/invitations/${made.token}`, { password: 'a long enough password' })).statusCode).toBe(404);
		expect((await as(undefined, 'GET', `/api/public/invitations/short`)).json()).toMatchObject({ fields: [{ path: 'token' }] });
	});
});
