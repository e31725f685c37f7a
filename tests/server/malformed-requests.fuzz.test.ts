import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ID_PATTERN } from '../../src/lib/domain/ids.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { professionalReferral, selfReferral } from './public-form-fixtures.js';

/** Each route with a caller allowed to use it and a valid body, so only the malformation can refuse it. */
type Kind = 'string' | 'array' | 'number' | 'true';
interface Target {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: (id: string) => string;
	who: 'coord' | 'fac' | 'admin' | 'nobody';
	body?: Record<string, unknown>;
	/** Each body field's JSON type, and whether it may be left out. */
	fields?: Record<string, { kind: Kind; optional?: boolean }>;
}

let env: InProcess;
const cookies: Record<string, string> = {};
let spareId = '';
let feedbackToken = '';
const CASE = 'case-fuzz-0001';

const note = { id: 'note-fuzz-0001', text: 'A note.', aboutParticipantIds: [], deviceTime: '2026-01-01T10:00:00.000Z' };
/** The fuzz tablet signs in with the case id as its device id, so a push names that device. */
const mutation = { mutationId: 'fuzz-mutation-0001', recordId: 'contact-fuzz-0001', recordType: 'contact', caseId: CASE, changes: { summary: { to: 'A visit.' } }, deviceTime: '2026-01-01T10:00:00.000Z', deviceId: CASE };
const TARGETS: Target[] = [
	{ method: 'POST', path: () => '/api/session', who: 'nobody', body: { username: 'fac', password: 'pw' }, fields: { username: { kind: 'string' }, password: { kind: 'string' }, code: { kind: 'string', optional: true } } },
	{ method: 'GET', path: () => '/api/session', who: 'fac' },
	{ method: 'POST', path: () => '/api/session/refresh', who: 'fac' },
	{ method: 'GET', path: () => '/api/health', who: 'nobody' },
	{ method: 'GET', path: () => '/api/cases', who: 'fac' },
	{ method: 'GET', path: (id) => `/api/cases/${id}`, who: 'coord' },
	{ method: 'POST', path: (id) => `/api/cases/${id}/notes`, who: 'fac', body: note, fields: { id: { kind: 'string' }, text: { kind: 'string' }, aboutParticipantIds: { kind: 'array' }, deviceTime: { kind: 'string', optional: true } } },
	{ method: 'GET', path: (id) => `/api/cases/${id}/audit`, who: 'coord' },
	{ method: 'PUT', path: (id) => `/api/cases/${id}/facilitators/${spareId}`, who: 'coord' },
	{ method: 'DELETE', path: (id) => `/api/cases/${id}/facilitators/${spareId}`, who: 'coord' },
	{ method: 'POST', path: () => '/api/audit/offline-reads', who: 'fac', body: { reads: [{ caseId: CASE, at: '2026-01-01T10:00:00.000Z' }] }, fields: { reads: { kind: 'array' } } },
	{ method: 'POST', path: () => '/api/sync/push', who: 'fac', body: { mutations: [mutation] }, fields: { mutations: { kind: 'array' } } },
	{ method: 'POST', path: () => '/api/sync/pull', who: 'fac', body: { deviceId: CASE, cases: [{ caseId: CASE }] }, fields: { deviceId: { kind: 'string' }, cases: { kind: 'array' }, limit: { kind: 'number', optional: true } } },
	{ method: 'GET', path: (id) => `/api/cases/${id}/filed-changes`, who: 'coord' },
	{ method: 'GET', path: () => '/api/devices', who: 'admin' },
	{ method: 'PATCH', path: (id) => `/api/devices/${id}`, who: 'admin', body: { label: 'Tablet' }, fields: { label: { kind: 'string' } } },
	{ method: 'POST', path: (id) => `/api/devices/${id}/revoke`, who: 'admin' },
	{ method: 'GET', path: () => '/api/users', who: 'admin' },
	{ method: 'POST', path: () => '/api/users', who: 'admin', body: { username: 'newperson', displayName: 'New', roles: ['facilitator'], password: 'long enough password' }, fields: { username: { kind: 'string' }, displayName: { kind: 'string' }, roles: { kind: 'array' }, password: { kind: 'string' } } },
	{ method: 'GET', path: () => '/api/session/second-factor', who: 'coord' },
	{ method: 'POST', path: () => '/api/session/second-factor', who: 'coord' },
	{ method: 'POST', path: () => '/api/session/second-factor/confirm', who: 'coord', body: { code: '123456' }, fields: { code: { kind: 'string' } } },
	{ method: 'POST', path: () => '/api/session/second-factor/disable', who: 'coord', body: { code: '123456' }, fields: { code: { kind: 'string' } } },
	{ method: 'PUT', path: (id) => `/api/users/${user(id)}/roles`, who: 'admin', body: { roles: ['facilitator'] }, fields: { roles: { kind: 'array' } } },
	...['disable', 'enable', 'second-factor/reset'].map((action): Target => ({ method: 'POST', path: (id) => `/api/users/${user(id)}/${action}`, who: 'admin' })),
	{ method: 'GET', path: (id) => `/api/users/${user(id)}/audit`, who: 'admin' },
	{ method: 'POST', path: (id) => `/api/cases/${id}/feedback-links`, who: 'coord', body: {}, fields: { role: { kind: 'string', optional: true } } },
	{ method: 'POST', path: () => '/api/public/self-referrals', who: 'nobody', body: selfReferral, fields: { role: { kind: 'string' }, name: { kind: 'string' }, phone: { kind: 'string', optional: true }, safeContact: { kind: 'string', optional: true }, agreeToContact: { kind: 'true' } } },
	{ method: 'POST', path: () => '/api/public/professional-referrals', who: 'nobody', body: professionalReferral, fields: { referralSource: { kind: 'string' }, justiceStage: { kind: 'string' }, personAgreed: { kind: 'true' } } },
	{ method: 'GET', path: (id) => `/api/practice/${user(id)}`, who: 'coord' },
	{
		method: 'POST', path: (id) => `/api/practice/${user(id)}/entries`, who: 'coord',
		body: { kind: 'training', date: '2026-01-05', title: 'Refresher', hours: 3, provider: 'RJC' },
		fields: { kind: { kind: 'string' }, date: { kind: 'string' }, title: { kind: 'string' }, hours: { kind: 'number' }, provider: { kind: 'string' } }
	},
	{
		method: 'PUT', path: () => '/api/settings/practice', who: 'admin',
		body: { supervisionIntervalWeeks: 12, observationIntervalMonths: 12, accreditationWarningDays: 60 },
		fields: { supervisionIntervalWeeks: { kind: 'number' }, observationIntervalMonths: { kind: 'number' }, accreditationWarningDays: { kind: 'number' } }
	},
	{ method: 'POST', path: (id) => `/api/public/feedback/${id === CASE ? feedbackToken : id}`, who: 'nobody', body: { satisfaction: 4 }, fields: { satisfaction: { kind: 'number' }, comments: { kind: 'string', optional: true } } }
];

/** User routes take a user id; the case id stands for "a valid one" here, as it does for cases. */
function user(id: string): string {
	return id === CASE ? spareId : id;
}

const json = fc.jsonValue();
const isA: Record<Kind, (value: unknown) => boolean> = { string: (v) => typeof v === 'string', array: Array.isArray, number: (v) => typeof v === 'number', true: (v) => v === true };
const notA = (kind: Kind) => json.filter((value) => !isA[kind](value));
const badId = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !CASE_ID_PATTERN.test(s) && s !== '.' && s !== '..');
const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !['__proto__', 'constructor'].includes(k));
const target = fc.constantFrom(...TARGETS);
const hasParam = (t: Target) => t.path('x') !== t.path('y');

/** One malformed request: every arbitrary here is wrong by construction, never accidentally valid. */
const malformed: fc.Arbitrary<{ t: Target; request: InjectOptions }> = fc.oneof(
	fc.tuple(target.filter(hasParam), badId).map(([t, id]) => ({ t, request: { url: t.path(encodeURIComponent(id)), payload: t.body } })),
	fc.tuple(target, unknownKey, fc.string()).map(([t, key, value]) => ({ t, request: { url: `${t.path(CASE)}?${new URLSearchParams({ [key]: value })}`, payload: t.body } })),
	fc.tuple(target.filter((t) => !!t.fields), unknownKey).filter(([t, key]) => !(key in t.fields!)).map(([t, key]) => ({ t, request: { url: t.path(CASE), payload: { ...t.body, [key]: 1 } } })),
	target.filter((t) => !!t.fields).chain((t) =>
		fc.tuple(fc.constantFrom(...Object.keys(t.fields!)), json).chain(([field]) =>
			notA(t.fields![field]!.kind).map((value) => ({ t, request: { url: t.path(CASE), payload: { ...t.body, [field]: value } } }))
		)
	),
	target.filter((t) => !!t.fields && Object.values(t.fields).some((f) => !f.optional)).chain((t) =>
		fc.constantFrom(...Object.keys(t.fields!).filter((k) => !t.fields![k]!.optional)).map((field) => {
			const payload = { ...t.body };
			delete payload[field];
			return { t, request: { url: t.path(CASE), payload } };
		})
	),
	fc.tuple(target.filter((t) => !!t.fields), json.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))).map(([t, value]) => ({ t, request: { url: t.path(CASE), payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } } })),
	fc.tuple(target.filter((t) => t.method !== 'GET'), fc.string()).filter(([, raw]) => { try { JSON.parse(raw); return false; } catch { return true; } }).map(([t, raw]) => ({ t, request: { url: t.path(CASE), payload: raw, headers: { 'content-type': 'application/json' } } })),
	fc.tuple(target.filter((t) => !t.fields && t.method !== 'GET'), fc.dictionary(unknownKey, json, { minKeys: 1 })).map(([t, body]) => ({ t, request: { url: t.path(CASE), payload: body } }))
);

async function snapshot(): Promise<string> {
	const { dbs } = env.services.couch;
	const lists = await Promise.all([dbs.records, dbs.accounts, dbs.audit].map((db) => db.list()));
	return JSON.stringify(lists.map((list) => list.rows.map((row) => [row.id, row.value.rev])));
}

beforeAll(async () => {
	env = await startInProcess();
	const fac = await addUser(env.services, 'fac', ['facilitator']);
	spareId = await addUser(env.services, 'spare', ['facilitator']);
	const coord = await addUser(env.services, 'coord', ['coordinator']);
	await addUser(env.services, 'admin', ['administrator']);
	await addCase(env.services, CASE, 'RJ-2026-0900', coord, [fac]);
	feedbackToken = (await env.services.feedbackLinks.create(CASE, undefined, coord, new Date())).token;
	cookies.fac = await signIn(env.app, 'fac', { id: CASE, label: 'Fuzz tablet' });
	cookies.coord = await signIn(env.app, 'coord');
	cookies.admin = await signIn(env.app, 'admin');
}, 60_000);
afterAll(() => env.stop());

describe('malformed requests', () => {
	it('are all refused with no 5xx, no stored change, and a 400 that names a field', async () => {
		const before = await snapshot();
		let sent = 0;
		await fc.assert(
			fc.asyncProperty(malformed, async ({ t, request }) => {
				const cookie = cookies[t.who];
				const answer = await env.app.inject({ ...request, method: t.method, headers: { ...(request.headers ?? {}), ...(cookie ? { cookie } : {}) } } as InjectOptions);
				sent++;
				expect(answer.statusCode, `${t.method} ${String(request.url)} ${answer.body}`).toBeLessThan(500);
				expect(answer.statusCode).toBeGreaterThanOrEqual(400);
				const body = answer.json<{ error: string; fields?: { path: string; message: string }[] }>();
				if (answer.statusCode === 400) {
					expect(body.error).toBe('bad-request');
					expect(body.fields?.length).toBeGreaterThan(0);
					for (const field of body.fields ?? []) expect(field.path.length * field.message.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 2_000 }
		);
		expect(sent).toBeGreaterThanOrEqual(2_000);
		expect(await snapshot()).toBe(before);
	}, 240_000);
});
