import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { PUBLIC_LIMIT } from '../../server/services/public-rate-limit.js';
import { addUser, startInProcess, type InProcess } from './in-process.js';
import { professionalReferral, selfReferral } from './public-form-fixtures.js';

let env: InProcess;

beforeAll(async () => {
	env = await startInProcess();
	await addUser(env.services, 'coord', ['coordinator']);
}, 60_000);
afterAll(() => env.stop());

const send = (url: string, payload: object | string, remoteAddress: string) =>
	env.app.inject({ method: 'POST', url, payload, remoteAddress, headers: { 'content-type': 'application/json' } });
const referrals = async () => (await env.services.couch.dbs.records.list({ startkey: 'referral:', endkey: 'referral:\ufff0', include_docs: true })).rows.map((r) => r.doc as Record<string, unknown>);

describe('referral forms', () => {
	it('store a self-referral and answer with a reference and what happens next', async () => {
		const answer = await send('/api/public/self-referrals', selfReferral, '10.20.0.1');
		expect(answer.statusCode).toBe(202);
		const receipt = answer.json<{ reference: string; nextSteps: string[] }>();
		expect(receipt.reference).toMatch(/^RF-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		expect(receipt.nextSteps.join(' ')).toContain(receipt.reference);
		expect(receipt.nextSteps.join(' ')).toContain('A coordinator will read it');
		const stored = (await referrals()).find((doc) => doc.reference === receipt.reference);
		expect(stored).toMatchObject({ type: 'referral', v: 1, kind: 'self', status: 'new', details: { name: 'Sam Example', phone: '07700 900123' } });
	});

	it('store a referral from a professional, with the person and where they are in the justice process', async () => {
		const answer = await send('/api/public/professional-referrals', professionalReferral, '10.20.0.2');
		expect(answer.statusCode).toBe(202);
		const stored = (await referrals()).find((doc) => doc.reference === answer.json<{ reference: string }>().reference);
		expect(stored).toMatchObject({ kind: 'professional', details: { referralSource: 'offender-manager', person: { prisonNumber: 'A1234BC' } } });
	});

	it('answer a filled-in hidden field as if all were well, and store nothing', async () => {
		const before = (await referrals()).length;
		const answer = await send('/api/public/self-referrals', { ...selfReferral, website: 'http://spam.example' }, '10.20.0.3');
		expect(answer.statusCode).toBe(202);
		expect(answer.json<{ reference: string }>().reference).toMatch(/^RF-/);
		expect((await referrals()).length).toBe(before);
	});

	it('say which field is wrong or missing, and refuse fields they do not ask for', async () => {
		const { phone: _phone, ...noWayToReach } = selfReferral;
		const cases: [object, string, string][] = [
			[noWayToReach, 'email', 'Give an email address or a phone number so that the service can reach you'],
			[{ ...selfReferral, agreeToContact: false }, 'agreeToContact', 'Tick the box so that the service may contact you about this'],
			[{ ...selfReferral, dateOfBirth: '1990-01-01' }, 'dateOfBirth', 'This field is not allowed here'],
			[{ ...selfReferral, offenceDate: '2026-13-45' }, 'offenceDate', 'Enter a date like 2026-10-01'],
			[{ ...professionalReferral, person: { ...professionalReferral.person, prisonNumber: '1234' } }, 'person.prisonNumber', 'Enter a prison number like A1234BC']
		];
		for (const [payload, path, message] of cases) {
			const url = 'referrer' in payload ? '/api/public/professional-referrals' : '/api/public/self-referrals';
			const answer = await send(url, payload, '10.20.0.4');
			expect(answer.statusCode).toBe(400);
			expect(answer.json()).toMatchObject({ error: 'bad-request', fields: [{ path, message }] });
		}
	});

	it('refuse a body larger than a form needs, before reading it', async () => {
		const answer = await send('/api/public/self-referrals', { ...selfReferral, about: 'x'.repeat(20_000) }, '10.20.0.5');
		expect(answer.statusCode).toBe(413);
		expect(answer.json()).toMatchObject({ error: 'bad-request', fields: [{ path: '(body)' }] });
	});

	it('pause an address that sends too many forms, counted in the store so a second server process agrees', async () => {
		const second = await buildApp({ services: env.services, appDir: join(tmpdir(), 'no-app-here') });
		const apps = [env.app, second];
		for (let i = 0; i < PUBLIC_LIMIT.perAddress; i++) {
			const answer = await apps[i % 2]!.inject({ method: 'POST', url: '/api/public/self-referrals', payload: selfReferral, remoteAddress: '10.20.1.1' });
			expect(answer.statusCode).toBe(202);
		}
		for (const app of apps) {
			const paused = await app.inject({ method: 'POST', url: '/api/public/professional-referrals', payload: professionalReferral, remoteAddress: '10.20.1.1' });
			expect(paused.statusCode).toBe(429);
			expect(paused.json<{ message: string }>().message).toContain('Wait an hour');
		}
		expect((await send('/api/public/self-referrals', selfReferral, '10.20.1.2')).statusCode).toBe(202);
		await second.close();
	});

	it("count each caller's own address behind a trusted load balancer, not the balancer's", async () => {
		const behind = await buildApp({ services: env.services, appDir: join(tmpdir(), 'no-app-here'), trustProxy: '10.99.0.1' });
		const from = (caller: string) =>
			behind.inject({ method: 'POST', url: '/api/public/self-referrals', payload: selfReferral, remoteAddress: '10.99.0.1', headers: { 'x-forwarded-for': caller } });
		for (let i = 0; i < PUBLIC_LIMIT.perAddress; i++) await from('203.0.113.7');
		expect((await from('203.0.113.7')).statusCode).toBe(429);
		expect((await from('198.51.100.20')).statusCode).toBe(202);
		await behind.close();
	});
});
