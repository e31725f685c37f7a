import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../src/lib/protocol/reports.js';
import { addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { writeReportFixture } from './report-fixture.js';

let env: InProcess;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	env = await startInProcess();
	const coordinator = await addUser(env.services, 'coord', ['coordinator']);
	await addUser(env.services, 'admin', ['administrator']);
	await addUser(env.services, 'fac', ['facilitator']);
	await writeReportFixture(env.services, coordinator);
	for (const name of ['coord', 'admin', 'fac']) cookies[name] = await signIn(env.app, name);
	// One more feedback form, sent today through the public link a participant opens.
	const link = await env.services.feedbackLinks.create('case-rep-a001', undefined, coordinator, new Date());
	const sent = await env.app.inject({ method: 'POST', url: `/api/public/feedback/${link.token}`, payload: { satisfaction: 3, comments: 'It was fine.' } });
	expect(sent.statusCode).toBe(201);
}, 60_000);
afterAll(() => env.stop());

const get = (url: string, who = 'coord') => env.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const report = async (query = '') => {
	const answer = await get(`/api/reports${query}`);
	expect(answer.statusCode).toBe(200);
	return answer.json<ReportResponse>();
};
const noExits = { completed: 0, 'withdrawn-by-harmed-person': 0, 'withdrawn-by-person-responsible': 0, unsuitable: 0, 'unable-to-contact': 0, other: 0 };
const noDeclines = { duplicate: 0, 'outside-criteria': 0, 'no-consent': 0, 'unable-to-contact': 0, withdrawn: 0, other: 0 };

describe('reports', () => {
	it('counts the whole funnel, its exits, the referrals and the time in each stage', async () => {
		const all = await report();
		expect(all.funnel).toEqual({ referred: 7, contacted: 5, assessed: 4, communication: 2, indirect: 1, direct: 1, outcome: 1, closed: 3 });
		expect(all.exits).toEqual({ ...noExits, completed: 1, 'withdrawn-by-harmed-person': 1, unsuitable: 1 });
		expect(all.referrals).toEqual({ received: 4, waiting: 1, accepted: 1, declined: 2, declineReasons: { ...noDeclines, duplicate: 1, 'outside-criteria': 1 } });
		expect(all.stageTimes).toEqual([
			{ stage: 'referral', averageDays: 1.4, stays: 5 },
			{ stage: 'initial-contact', averageDays: 4.2, stays: 5 },
			{ stage: 'assessment', averageDays: 9.3, stays: 3 },
			{ stage: 'communication', averageDays: 10, stays: 1 },
			{ stage: 'outcome', averageDays: 5, stays: 1 }
		]);
	});

	it('gives the share of feedback that was satisfied against the target, the public form included', async () => {
		expect((await report()).satisfaction).toEqual({ responses: 7, satisfied: 4, share: 4 / 7, target: 0.85, scores: [1, 1, 1, 2, 2] });
	});

	it('keeps to the days chosen, both ends included', async () => {
		const october = await report('?from=2026-10-01&to=2026-10-31');
		expect(october.funnel).toEqual({ referred: 6, contacted: 5, assessed: 4, communication: 2, indirect: 1, direct: 1, outcome: 1, closed: 3 });
		expect(october.referrals).toMatchObject({ received: 3, waiting: 0, accepted: 1, declined: 2 });
		expect(october.satisfaction).toEqual({ responses: 4, satisfied: 3, share: 0.75, target: 0.85, scores: [0, 1, 0, 2, 1] });
		expect(october.filters).toEqual({ from: '2026-10-01', to: '2026-10-31' });
		expect((await report('?from=2026-11-01')).funnel).toEqual({ referred: 1, contacted: 0, assessed: 0, communication: 0, indirect: 0, direct: 0, outcome: 0, closed: 0 });
	});

	it('keeps to one referral source', async () => {
		const police = await report('?source=police');
		expect(police.funnel).toEqual({ referred: 3, contacted: 3, assessed: 2, communication: 1, indirect: 0, direct: 1, outcome: 0, closed: 2 });
		expect(police.exits).toEqual({ ...noExits, 'withdrawn-by-harmed-person': 1, unsuitable: 1 });
		expect(police.referrals).toMatchObject({ received: 1, waiting: 1 });
		expect(police.stageTimes.map((t) => [t.stage, t.averageDays, t.stays])).toEqual([
			['referral', 1.3, 3], ['initial-contact', 4, 3], ['assessment', 9, 2], ['communication', null, 0], ['outcome', null, 0]
		]);
		const self = await report('?source=self&to=2026-10-31');
		expect(self.funnel).toEqual({ referred: 3, contacted: 2, assessed: 2, communication: 1, indirect: 1, direct: 0, outcome: 1, closed: 1 });
		expect(self.referrals).toMatchObject({ received: 2, accepted: 1, declined: 1 });
	});

	it('keeps satisfaction to one referral source, leaving feedback that predates sources to all sources', async () => {
		// Police cases c, d and f answered 4, 4 and 2.
		expect((await report('?source=police')).satisfaction).toEqual({ responses: 3, satisfied: 2, share: 2 / 3, target: 0.85, scores: [0, 1, 0, 2, 0] });
		// Self-referred a (5 in October, 3 through the public form today) and b (5 in November); the 1 on
		// case a from 20 November has no source, so it counts only under all sources.
		expect((await report('?source=self')).satisfaction).toEqual({ responses: 3, satisfied: 2, share: 2 / 3, target: 0.85, scores: [0, 0, 1, 0, 2] });
		expect((await report('?source=self&to=2026-10-31')).satisfaction).toEqual({ responses: 1, satisfied: 1, share: 1, target: 0.85, scores: [0, 0, 0, 0, 1] });
		expect((await report('?source=court')).satisfaction).toEqual({ responses: 0, satisfied: 0, share: null, target: 0.85, scores: [0, 0, 0, 0, 0] });
	});

	it('lets an administrator read them too', async () => {
		expect((await get('/api/reports', 'admin')).statusCode).toBe(200);
	});

	it('refuses a facilitator, for the figures and the export', async () => {
		expect((await get('/api/reports', 'fac')).statusCode).toBe(403);
		expect((await get('/api/reports.csv', 'fac')).statusCode).toBe(403);
	});

	it.each([
		['?from=2026-13-01', 'from', 'Enter the start date like 2026-10-01'],
		['?to=last-week', 'to', 'Enter the end date like 2026-10-01'],
		['?from=2026-10-31&to=2026-10-01', 'to', 'Choose an end date on or after the start date'],
		['?source=martians', 'source', 'Choose a referral source from the list']
	])('refuses %s, naming the field', async (query, field, message) => {
		for (const path of ['/api/reports', '/api/reports.csv']) {
			const answer = await get(`${path}${query}`);
			expect(answer.statusCode).toBe(400);
			expect(answer.json<{ fields: { path: string; message: string }[] }>().fields).toContainEqual({ path: field, message });
		}
	});

	it('exports the figures as a UTF-8 CSV named after its filters', async () => {
		const answer = await get('/api/reports.csv?from=2026-10-01&to=2026-10-31&source=police');
		expect(answer.statusCode).toBe(200);
		expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
		expect(answer.headers['content-disposition']).toBe('attachment; filename="tandem-report-2026-10-01-to-2026-10-31-police.csv"');
		expect(answer.body.startsWith('\uFEFFSection,Measure,Value\r\n')).toBe(true);
		const lines = answer.body.slice(1).split('\r\n');
		expect(lines).toEqual(expect.arrayContaining([
			'Filters,Referral source,Police',
			'Referral funnel,Referred,3',
			'Referral funnel,Meeting (direct),1',
			'"Closed, by reason",Harmed person withdrew,1',
			'Satisfaction,Share satisfied (%),66.7',
			'Average days in stage,Assessment and preparation,9',
			'Average days in stage,Outcome and follow-up,'
		]));
	});
});
