import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_TEMPLATE, type ChecklistTemplate } from '../../src/lib/domain/checklist-template.js';
import { parseRecord } from '../../src/lib/domain/records.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { pull, type Tablet } from './sync-support.js';

let env: InProcess;
let admin = '';
let coordinator = '';
let tablet: Tablet;

beforeAll(async () => {
	env = await startInProcess();
	await addUser(env.services, 'admin', ['administrator']);
	const coordId = await addUser(env.services, 'coord', ['coordinator']);
	const facId = await addUser(env.services, 'fac', ['facilitator']);
	await addCase(env.services, 'case-estab-0001', 'RJ-2026-0301', coordId, [facId]);
	admin = await signIn(env.app, 'admin');
	coordinator = await signIn(env.app, 'coord');
	tablet = { cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-estab', label: 'Tablet 1' }), deviceId: 'fac-tablet-estab' };
}, 60_000);
afterAll(() => env.stop());

type Method = 'GET' | 'POST' | 'PUT';
const as = (cookie: string, method: Method, url: string, payload?: object) => env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const NORTH = { name: 'HMP Northmoor (fictional)', securityCategory: 'B', visitRules: 'Legal visits, Tuesdays', devicesAuthorised: true, devicesAuthorisedUntil: '2027-03-31' };
const establishments = async () => (await as(admin, 'GET', '/api/establishments')).json<{ establishments: { id: string; name: string; devicesAuthorised: boolean }[] }>().establishments;
const serviceRecordsOnTablet = async () => (await pull(env.app, tablet, { cases: [], service: {} })).body.records.filter((r) => r.caseId === undefined);

describe('establishments', () => {
	let id = '';

	it('an administrator adds one; it is a valid service record a tablet receives at its next sync, and audited', async () => {
		const made = await as(admin, 'POST', '/api/establishments', NORTH);
		expect(made.statusCode).toBe(201);
		id = made.json<{ id: string }>().id;
		const received = (await serviceRecordsOnTablet()).find((r) => r.docId === `establishment:${id}`);
		expect(received?.record).toMatchObject({ name: NORTH.name, devicesAuthorisedUntil: '2027-03-31' });
		expect(parseRecord(received?.record).ok).toBe(true);
		expect((await as(admin, 'GET', `/api/establishments/${id}/audit`)).json().entries).toEqual([expect.objectContaining({ action: 'create', recordId: id })]);
	});

	it('a change (authorisation lapsed) reaches the tablet and the log names the fields', async () => {
		const changed = await as(admin, 'PUT', `/api/establishments/${id}`, { ...NORTH, devicesAuthorisedUntil: '2026-01-31' });
		expect(changed.json()).toMatchObject({ id, devicesAuthorisedUntil: '2026-01-31' });
		const received = (await serviceRecordsOnTablet()).find((r) => r.docId === `establishment:${id}`);
		expect(received?.record).toMatchObject({ devicesAuthorisedUntil: '2026-01-31' });
		const log = (await as(admin, 'GET', `/api/establishments/${id}/audit`)).json<{ entries: { action: string; fields?: string[] }[] }>().entries;
		expect(log.at(-1)).toMatchObject({ action: 'change', fields: ['devicesAuthorisedUntil'] });
	});

	it('refuses authorisation without an end date, naming the field, and changes nothing', async () => {
		const before = await establishments();
		const bad = await as(admin, 'PUT', `/api/establishments/${id}`, { ...NORTH, devicesAuthorisedUntil: undefined });
		expect(bad.statusCode).toBe(400);
		expect(bad.json()).toMatchObject({ fields: [{ path: 'devicesAuthorisedUntil', message: 'Enter the date the authorisation ends' }] });
		const badNew = await as(admin, 'POST', '/api/establishments', { ...NORTH, name: '  ', securityCategory: 'Z' });
		expect(badNew.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'securityCategory']);
		expect(await establishments()).toEqual(before);
	});

	it('a coordinator may read the list but not add or change one', async () => {
		expect((await as(coordinator, 'GET', '/api/establishments')).statusCode).toBe(200);
		expect((await as(coordinator, 'POST', '/api/establishments', NORTH)).statusCode).toBe(403);
		expect((await as(coordinator, 'PUT', `/api/establishments/${id}`, NORTH)).statusCode).toBe(403);
		expect((await as(tablet.cookie, 'GET', '/api/establishments')).statusCode).toBe(403);
		expect((await as(admin, 'PUT', '/api/establishments/est-nothing-here', NORTH)).statusCode).toBe(404);
	});
});

describe('checklist templates', () => {
	const templates = async () => (await as(admin, 'GET', '/api/checklist-templates')).json<{ templates: ChecklistTemplate[] }>().templates;
	const v1 = DEFAULT_CHECKLIST_TEMPLATE;
	const wording = (sections = v1.sections) => ({ basedOnVersion: 1, title: v1.title, description: v1.description, sections });

	it('lists the shipped version before anything is published', async () => {
		expect((await templates()).map((t) => t.id)).toEqual([v1.id]);
	});

	it('refuses a question without text, naming the field, and publishes nothing', async () => {
		const broken = structuredClone(v1.sections);
		broken[0]!.questions[0]!.text = ' ';
		const bad = await as(admin, 'POST', `/api/checklist-templates/${v1.templateId}/versions`, wording(broken));
		expect(bad.statusCode).toBe(400);
		expect(bad.json()).toMatchObject({ fields: [{ path: 'sections.0.questions.0.text', message: 'Write the question' }] });
		expect((await templates()).length).toBe(1);
	});

	it('publishes version 2 as a new record the tablet receives; version 1 stays as it was', async () => {
		const edited = structuredClone(v1.sections);
		edited[0]!.questions[0]!.text = 'A reworded first question?';
		const published = await as(admin, 'POST', `/api/checklist-templates/${v1.templateId}/versions`, wording(edited));
		expect(published.statusCode).toBe(201);
		expect(published.json()).toMatchObject({ id: `${v1.templateId}-v2`, version: 2 });
		const [newest, oldest] = await templates();
		expect(newest?.sections[0]?.questions[0]?.text).toBe('A reworded first question?');
		expect(oldest).toEqual(v1);
		const onTablet = (await serviceRecordsOnTablet()).filter((r) => r.docId.startsWith('checklist-template:')).map((r) => r.record.version);
		expect(onTablet).toEqual([2]);
	});

	it('will not publish from a version that is no longer the newest', async () => {
		const stale = await as(admin, 'POST', `/api/checklist-templates/${v1.templateId}/versions`, wording());
		expect(stale.json()).toMatchObject({ fields: [{ path: 'basedOnVersion', message: 'Start from the newest version, 2' }] });
		expect((await templates()).length).toBe(2);
	});

	it('is for administrators: a coordinator cannot publish', async () => {
		expect((await as(coordinator, 'POST', `/api/checklist-templates/${v1.templateId}/versions`, { ...wording(), basedOnVersion: 2 })).statusCode).toBe(403);
		expect((await templates()).length).toBe(2);
	});
});

describe('the service policy', () => {
	const policy = async (cookie = admin) => (await as(cookie, 'GET', '/api/settings/policy')).json<Record<string, unknown>>();

	it('starts at the defaults, and a saved change is what allocation then uses', async () => {
		expect(await policy()).toEqual({ excludedJusticeStages: ['pre-sentence'], excludedOffenceCategories: [], riskAssessmentFreshnessDays: 28, facilitatorsPerCase: 2, caseloadLimit: 8, idleLockMinutes: 5 });
		const next = { ...(await policy()), facilitatorsPerCase: 1, caseloadLimit: 12, idleLockMinutes: 10, riskAssessmentFreshnessDays: 14 };
		const saved = await as(admin, 'PUT', '/api/settings/policy', next);
		expect(saved.json()).toEqual(next);
		const allocation = (await as(coordinator, 'GET', '/api/allocations')).json<{ facilitatorsPerCase: number; caseloadLimit: number }>();
		expect(allocation).toMatchObject({ facilitatorsPerCase: 1, caseloadLimit: 12 });
		const log = (await as(admin, 'GET', '/api/settings/policy/audit')).json<{ entries: { fields: string[] }[] }>().entries;
		expect(log).toEqual([expect.objectContaining({ action: 'change', fields: ['caseloadLimit', 'facilitatorsPerCase', 'idleLockMinutes', 'riskAssessmentFreshnessDays'] })]);
	});

	it('refuses a bad number naming the field, and changes nothing', async () => {
		const before = await policy();
		const bad = await as(admin, 'PUT', '/api/settings/policy', { ...before, riskAssessmentFreshnessDays: 0, idleLockMinutes: 7 });
		expect(bad.statusCode).toBe(400);
		expect(bad.json().fields).toEqual([
			{ path: 'riskAssessmentFreshnessDays', message: 'Allow at least 1 day' },
			{ path: 'idleLockMinutes', message: 'Choose 1, 2, 5, 10, 15 or 30 minutes' }
		]);
		expect(await policy()).toEqual(before);
	});

	it('tells a facilitator\'s tablet how long it may stay unlocked, and nothing else of the policy', async () => {
		const before = await policy();
		await as(admin, 'PUT', '/api/settings/policy', { ...before, idleLockMinutes: 2 });
		const read = await as(tablet.cookie, 'GET', '/api/settings/tablet');
		expect(read.statusCode).toBe(200);
		expect(read.json()).toEqual({ idleLockMinutes: 2 });
		await as(admin, 'PUT', '/api/settings/policy', before);
		expect((await as(tablet.cookie, 'GET', '/api/settings/tablet')).json()).toEqual({ idleLockMinutes: before.idleLockMinutes });
	});

	it('coordinators read it; only administrators change it', async () => {
		const before = await policy();
		expect(await policy(coordinator)).toEqual(before);
		expect((await as(coordinator, 'PUT', '/api/settings/policy', { ...before, caseloadLimit: 3 })).statusCode).toBe(403);
		expect((await as(tablet.cookie, 'GET', '/api/settings/policy')).statusCode).toBe(403);
		expect(await policy()).toEqual(before);
	});
});
