import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../support/start-server.js';
import type { StartedServer } from '../support/start-server.js';
import { call, signInAs, startTestServer, stopServer } from './support.js';

let server: StartedServer;
let adminPassword: string;

beforeAll(async () => {
	server = await startTestServer();
	adminPassword = /password: (\S+)/.exec(server.output)?.[1] ?? '';
});
afterAll(() => stopServer(server.child));

describe('signing in', () => {
	it('prints a random administrator password at first start and it signs in', async () => {
		expect(adminPassword).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
		const answer = await call<{ username: string; roles: string[] }>(server.url, 'POST', '/api/session', {
			body: { username: 'admin', password: adminPassword }
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ username: 'admin', roles: ['administrator'] });
		const setCookie = answer.headers.get('set-cookie') ?? '';
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/Secure/i);
		expect(setCookie).toMatch(/SameSite=Strict/i);
		expect(JSON.stringify(answer.body)).not.toContain('passwordHash');
	});

	it('gives the same answer for a wrong password and for an unknown account', async () => {
		const wrong = await call(server.url, 'POST', '/api/session', { body: { username: 'admin', password: 'nope' } });
		const unknown = await call(server.url, 'POST', '/api/session', { body: { username: 'nobody', password: 'nope' } });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.body).toEqual(unknown.body);
		expect(wrong.cookie).toBeUndefined();
	});

	it('names the missing field and refuses unknown ones', async () => {
		const missing = await call<{ error: string; fields: { path: string }[] }>(server.url, 'POST', '/api/session', { body: { username: 'admin' } });
		expect(missing.status).toBe(400);
		expect(missing.body.error).toBe('bad-request');
		expect(missing.body.fields.map((f) => f.path)).toEqual(['password']);
		const extra = await call<{ fields: { path: string }[] }>(server.url, 'POST', '/api/session', {
			body: { username: 'admin', password: 'x', role: 'administrator' }
		});
		expect(extra.status).toBe(400);
		expect(extra.body.fields.map((f) => f.path)).toEqual(['role']);
	});

	it('answers malformed JSON with a 400 that names the body', async () => {
		const answer = await call<{ error: string; fields: { path: string }[] }>(server.url, 'POST', '/api/session', { rawBody: '{"username":' });
		expect(answer.status).toBe(400);
		expect(answer.body.fields[0]?.path).toBe('(body)');
	});

	it('tells who is signed in, and nothing without a valid session', async () => {
		const cookie = await signInAs(server.url, 'facilitator', demoPassword(server.output, 'facilitator'));
		const me = await call<{ username: string }>(server.url, 'GET', '/api/session', { cookie });
		expect(me.body.username).toBe('facilitator');
		expect((await call(server.url, 'GET', '/api/session')).status).toBe(401);
		expect((await call(server.url, 'GET', '/api/session', { cookie: 'tandem_session=forged.value' })).status).toBe(401);
	});

	it('clears the session cookie on sign-out', async () => {
		const answer = await call(server.url, 'DELETE', '/api/session');
		expect(answer.status).toBe(204);
		expect(answer.headers.get('set-cookie')).toMatch(/tandem_session=;/);
	});
});
