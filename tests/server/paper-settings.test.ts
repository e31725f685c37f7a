import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
	env = await startInProcess();
	ids.coord = await addUser(env.services, 'coord', ['coordinator']);
	ids.fac = await addUser(env.services, 'fac', ['facilitator']);
	ids.admin = await addUser(env.services, 'admin', ['administrator']);
	for (const name of ['coord', 'fac', 'admin']) cookies[name] = await signIn(env.app, name);
}, 60_000);
afterAll(() => env.stop());

const as = (who: string, method: 'GET' | 'PUT', payload?: object) =>
	env.app.inject({ method, url: '/api/settings/paper', headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

describe('paper pack settings', () => {
	it('answers the default of seven days before anyone has set it', async () => {
		const answer = await as('coord', 'GET');
		expect(answer.statusCode).toBe(200);
		expect(answer.json()).toEqual({ reminderDays: 7 });
	});

	it('lets an administrator change the reminder, which a coordinator then reads, and audits the change', async () => {
		expect((await as('admin', 'PUT', { reminderDays: 10 })).json()).toEqual({ reminderDays: 10 });
		expect((await as('coord', 'GET')).json()).toEqual({ reminderDays: 10 });
		expect(await env.services.paperSettings.changes()).toEqual([
			expect.objectContaining({ section: 'paper', byUserId: ids.admin, before: { reminderDays: 7 }, after: { reminderDays: 10 } })
		]);
	});

	it('refuses a coordinator’s change and a facilitator’s read', async () => {
		expect((await as('coord', 'PUT', { reminderDays: 3 })).statusCode).toBe(403);
		expect((await as('fac', 'GET')).statusCode).toBe(403);
		expect((await as('coord', 'GET')).json()).toEqual({ reminderDays: 10 });
	});

	it('refuses a number of days out of range, naming the field, and changes nothing', async () => {
		const answer = await as('admin', 'PUT', { reminderDays: 0 });
		expect(answer.statusCode).toBe(400);
		expect(JSON.stringify(answer.json())).toContain('reminderDays');
		expect((await as('coord', 'GET')).json()).toEqual({ reminderDays: 10 });
		expect(await env.services.paperSettings.changes()).toHaveLength(1);
	});
});
