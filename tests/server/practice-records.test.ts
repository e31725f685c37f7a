import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDay } from '../../src/lib/domain/calendar-day.js';
import type { CaseAllocationResponse } from '../../src/lib/protocol/office.js';
import type { PracticeOverviewResponse, PracticeRecordsResponse, PracticeReportResponse } from '../../src/lib/protocol/practice.js';
import { serviceToday } from '../../server/services/practice-service.js';
import { PASSWORD, addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const CASE = 'case-practice-0001';
const today = serviceToday(new Date());
const daysAgo = (n: number) => addDays(today, -n);

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	ids.coord = await addUser(s, 'coord', ['coordinator']);
	ids.admin = await addUser(s, 'admin', ['administrator']);
	ids.newbie = await addUser(s, 'newbie', ['facilitator']);
	ids.other = await addUser(s, 'other', ['facilitator']);
	// Started two years ago and never supervised or observed since.
	const veteran = await s.accounts.create({ username: 'vera', displayName: 'Vera Veteran', roles: ['facilitator'], password: PASSWORD }, new Date(Date.now() - 730 * 86_400_000));
	ids.vera = veteran!.id;
	await addCase(s, CASE, 'RJ-2026-0400', ids.coord, []);
	for (const name of ['coord', 'admin', 'newbie']) cookies[name] = await signIn(env.app, name);
}, 60_000);
afterAll(() => env.stop());

const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
	env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const overview = async () => (await as('coord', 'GET', '/api/practice')).json<PracticeOverviewResponse>();
const rowOf = async (id: string) => (await overview()).facilitators.find((f) => f.userId === id)!;
const supervision = (date: string, extra: object = {}) => ({ kind: 'supervision', date, supervisor: 'Sam Senior', caseReferences: ['RJ-2026-0400'], notes: 'Talked through the letter.', ...extra });
const observation = (date: string) => ({ kind: 'observation', date, observer: 'Olu Observer', outcome: 'met-standard', notes: '' });

describe('practice records', () => {
	it('shows a new starter in date, and someone never supervised in two years as overdue', async () => {
		expect((await rowOf(ids.newbie!)).standing.supervision).toEqual({ status: 'in-date', dueOn: addDays(today, 84) });
		const vera = await rowOf(ids.vera!);
		expect(vera.standing.supervision.status).toBe('overdue');
		expect(vera.standing.observation.status).toBe('overdue');
		expect(vera.standing.accreditation).toEqual({ status: 'none' });
	});

	it('warns when allocating an overdue facilitator, naming what is overdue', async () => {
		const answer = (await as('coord', 'PUT', `/api/cases/${CASE}/facilitators`, { facilitatorIds: [ids.vera, ids.newbie] })).json<CaseAllocationResponse>();
		const vera = await rowOf(ids.vera!);
		expect(answer.case.warnings).toEqual([
			{
				code: 'practice-overdue', userId: ids.vera,
				message: `Vera Veteran is overdue for supervision (due ${formatDay(vera.standing.supervision.dueOn)}) and observation (due ${formatDay(vera.standing.observation.dueOn)}).`
			}
		]);
		expect(answer.case.facilitatorIds).toEqual([ids.vera, ids.newbie]);
	});

	it('records a supervision and an observation, which clear the overdue flags and the allocation warning', async () => {
		const added = await as('coord', 'POST', `/api/practice/${ids.vera}/entries`, supervision(today));
		expect(added.statusCode).toBe(201);
		const records = added.json<PracticeRecordsResponse>();
		expect(records.entries[0]).toMatchObject({ kind: 'supervision', date: today, supervisor: 'Sam Senior', caseReferences: ['RJ-2026-0400'], recordedBy: ids.coord });
		expect(records.standing.supervision).toEqual({ status: 'in-date', dueOn: addDays(today, 84), last: today });
		await as('coord', 'POST', `/api/practice/${ids.vera}/entries`, observation(daysAgo(3)));
		const allocation = (await as('coord', 'GET', `/api/cases/${CASE}/allocation`)).json<CaseAllocationResponse>();
		expect(allocation.case.warnings).toEqual([]);
	});

	it('keeps training and accreditation entries, newest first, and audits every entry', async () => {
		await as('admin', 'POST', `/api/practice/${ids.vera}/entries`, { kind: 'training', date: daysAgo(40), title: 'Working with sexual harm', hours: 6.5, provider: 'Why me?' });
		await as('admin', 'POST', `/api/practice/${ids.vera}/entries`, { kind: 'accreditation', body: 'Restorative Justice Council', awarded: daysAgo(300), renewal: addDays(today, 30) });
		const records = (await as('coord', 'GET', `/api/practice/${ids.vera}`)).json<PracticeRecordsResponse>();
		expect(records.entries.map((e) => e.kind)).toEqual(['supervision', 'observation', 'training', 'accreditation']);
		expect(records.standing.accreditation).toEqual({ status: 'renewal-soon', body: 'Restorative Justice Council', renewal: addDays(today, 30) });
		const audit = await env.services.practice.auditOf(ids.vera);
		expect(audit.map((line) => [line.action, line.kind, line.byUserId])).toEqual([
			['entry-added', 'supervision', ids.coord], ['entry-added', 'observation', ids.coord], ['entry-added', 'training', ids.admin], ['entry-added', 'accreditation', ids.admin]
		]);
	});

	it('refuses bad input naming the field, and records nothing', async () => {
		const before = (await env.services.practice.entriesOf(ids.other!)).length;
		const future = await as('coord', 'POST', `/api/practice/${ids.other}/entries`, supervision(addDays(today, 1)));
		expect(future.statusCode).toBe(400);
		expect(future.json()).toMatchObject({ fields: [{ path: 'date', message: 'The date cannot be in the future' }] });
		const noSupervisor = await as('coord', 'POST', `/api/practice/${ids.other}/entries`, supervision(today, { supervisor: '  ' }));
		expect(noSupervisor.json()).toMatchObject({ fields: [{ path: 'supervisor', message: 'Enter who gave the supervision' }] });
		const badReference = await as('coord', 'POST', `/api/practice/${ids.other}/entries`, supervision(today, { caseReferences: ['Jo Smith'] }));
		expect(badReference.json()).toMatchObject({ fields: [{ path: 'caseReferences.0', message: 'Use a case reference like RJ-2026-0042' }] });
		const badHours = await as('coord', 'POST', `/api/practice/${ids.other}/entries`, { kind: 'training', date: today, title: 'CPD', hours: 'two', provider: 'RJC' });
		expect(badHours.json()).toMatchObject({ fields: [{ path: 'hours', message: 'Enter the hours as a number' }] });
		expect((await env.services.practice.entriesOf(ids.other!)).length).toBe(before);
		expect(await env.services.practice.auditOf(ids.other)).toEqual([]);
	});

	it('answers not found for a person who is not a facilitator', async () => {
		expect((await as('coord', 'GET', `/api/practice/${ids.coord}`)).statusCode).toBe(404);
		expect((await as('coord', 'POST', `/api/practice/${ids.admin}/entries`, supervision(today))).statusCode).toBe(404);
	});

	it('does not let a facilitator read anyone\'s practice records, or add to them', async () => {
		for (const url of [`/api/practice/${ids.vera}`, '/api/practice', `/api/practice/report?from=${daysAgo(30)}&to=${today}`]) expect((await as('newbie', 'GET', url)).statusCode).toBe(403);
		const added = await as('newbie', 'POST', `/api/practice/${ids.newbie}/entries`, supervision(today));
		expect(added.statusCode).toBe(403);
		expect(await env.services.practice.entriesOf(ids.newbie!)).toEqual([]);
	});
});

describe('practice settings', () => {
	it('start at 12 weeks, 12 months and 60 days, readable by coordinators', async () => {
		expect((await as('coord', 'GET', '/api/settings/practice')).json()).toEqual({ supervisionIntervalWeeks: 12, observationIntervalMonths: 12, accreditationWarningDays: 60 });
	});

	it('may be changed by an administrator only, audited, and move the due dates', async () => {
		expect((await as('coord', 'PUT', '/api/settings/practice', { supervisionIntervalWeeks: 4, observationIntervalMonths: 12, accreditationWarningDays: 60 })).statusCode).toBe(403);
		const changed = await as('admin', 'PUT', '/api/settings/practice', { supervisionIntervalWeeks: 4, observationIntervalMonths: 12, accreditationWarningDays: 60 });
		expect(changed.statusCode).toBe(200);
		expect((await rowOf(ids.newbie!)).standing.supervision.dueOn).toBe(addDays(today, 28));
		const audit = await env.services.practice.auditOf();
		expect(audit).toEqual([expect.objectContaining({ action: 'settings-changed', byUserId: ids.admin, settings: { before: { supervisionIntervalWeeks: 12, observationIntervalMonths: 12, accreditationWarningDays: 60 }, after: { supervisionIntervalWeeks: 4, observationIntervalMonths: 12, accreditationWarningDays: 60 } } })]);
	});

	it('refuse a bad interval naming the field, keeping the settings as they were', async () => {
		const answer = await as('admin', 'PUT', '/api/settings/practice', { supervisionIntervalWeeks: 0, observationIntervalMonths: 12, accreditationWarningDays: 60 });
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ fields: [{ path: 'supervisionIntervalWeeks', message: 'Use at least 1 weeks' }] });
		expect((await as('coord', 'GET', '/api/settings/practice')).json()).toMatchObject({ supervisionIntervalWeeks: 4 });
		expect(await env.services.practice.auditOf()).toHaveLength(1);
		await as('admin', 'PUT', '/api/settings/practice', { supervisionIntervalWeeks: 12, observationIntervalMonths: 12, accreditationWarningDays: 60 });
	});
});

describe('the practice report', () => {
	const period = `from=${daysAgo(60)}&to=${today}`;

	it('gives the share supervised within the interval and CPD hours per facilitator', async () => {
		const report = (await as('coord', 'GET', `/api/practice/report?${period}`)).json<PracticeReportResponse>();
		// Vera was overdue when the period began, so her supervision today does not make the whole period in date.
		expect(report.rows.map((r) => [r.displayName, r.supervisions, r.supervisedWithinInterval, r.cpdHours])).toEqual([
			['Test newbie', 0, true, 0], ['Test other', 0, true, 0], ['Vera Veteran', 1, false, 6.5]
		]);
		expect([report.facilitators, report.supervisedWithinInterval, report.cpdHours]).toEqual([3, 2, 6.5]);
	});

	it('downloads the same figures as CSV', async () => {
		const answer = await as('admin', 'GET', `/api/practice/report.csv?${period}`);
		expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
		expect(answer.headers['content-disposition']).toBe(`attachment; filename="tandem-practice-${daysAgo(60)}-to-${today}.csv"`);
		const lines = answer.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('Facilitator,Supervision sessions,Supervised within 12 weeks throughout,CPD hours,CPD entries');
		expect(lines).toContain('Vera Veteran,1,No,6.5,1');
		expect(lines).toContain('All facilitators,1,2 of 3,6.5,1');
		expect(lines).toContain('Share supervised within the interval (%),,66.7,,');
	});

	it('refuses a period that ends before it starts, naming the field', async () => {
		const answer = await as('coord', 'GET', `/api/practice/report?from=${today}&to=${daysAgo(1)}`);
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ fields: [{ path: 'to', message: 'The period must end on or after the day it starts' }] });
	});
});
