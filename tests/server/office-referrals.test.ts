import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptReferralResponse, ReferralListResponse, ReferralView } from '../../src/lib/protocol/office.js';
import { addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { professionalReferral, selfReferral } from './public-form-fixtures.js';

let env: InProcess;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	env = await startInProcess();
	await addUser(env.services, 'coord', ['coordinator']);
	await addUser(env.services, 'fac', ['facilitator']);
	await addUser(env.services, 'admin', ['administrator']);
	for (const name of ['coord', 'fac', 'admin']) cookies[name] = await signIn(env.app, name);
}, 60_000);
afterAll(() => env.stop());

let address = 0;
const refer = async (payload: object, kind: 'self' | 'professional' = 'self') => {
	const answer = await env.app.inject({ method: 'POST', url: `/api/public/${kind}-referrals`, payload, remoteAddress: `10.40.0.${++address}` });
	return answer.json<{ reference: string }>().reference.toLowerCase();
};
const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
	env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const inbox = async (status = 'new') => (await as('coord', 'GET', `/api/referrals?status=${status}`)).json<ReferralListResponse>().referrals;
const find = async (id: string, status = 'new') => (await inbox(status)).find((r) => r.id === id);
const cases = async () => (await env.services.allocation.openCases()).map((c) => c.reference);

describe('the referral inbox', () => {
	it('lists new referrals with the details the person gave', async () => {
		const id = await refer({ ...selfReferral, name: 'Robin Inbox', about: 'My shop was broken into.', offenceCategory: 'burglary' });
		expect(await find(id)).toMatchObject({ kind: 'self', status: 'new', details: { name: 'Robin Inbox', about: 'My shop was broken into.' }, duplicates: [] });
	});

	it('marks two referrals of the same person about the same offence as possible duplicates of each other', async () => {
		const first = await refer({ ...selfReferral, name: 'Kim Twice', offenceCategory: 'robbery' });
		const second = await refer({ ...selfReferral, name: 'kim  twice', phone: '+44 7700 900123' });
		const other = await refer({ ...selfReferral, name: 'Kim Twice', offenceCategory: 'fraud' });
		const duplicates = (await find(second))?.duplicates ?? [];
		expect(duplicates).toHaveLength(2);
		expect(duplicates).toEqual(expect.arrayContaining([expect.objectContaining({ id: first, reasons: ['same-name', 'same-phone'] }), expect.objectContaining({ id: other })]));
		expect((await find(first))?.duplicates.map((d) => d.id)).toEqual([second]);
	});

	it('finds a professional referral of the same prisoner under another spelling', async () => {
		const first = await refer(professionalReferral, 'professional');
		const second = await refer({ ...professionalReferral, person: { ...professionalReferral.person, name: 'Joanne Example' } }, 'professional');
		expect((await find(second))?.duplicates).toEqual([expect.objectContaining({ id: first, reasons: ['same-prison-number'] })]);
	});

	it('accepts a referral into a new case at the referral stage, with the referral as its first note', async () => {
		const id = await refer({ ...professionalReferral, person: { role: 'person-responsible', name: 'Lee Accepted' }, risk: 'Volatile when discussing the victim.' }, 'professional');
		const answer = await as('coord', 'POST', `/api/referrals/${id}/accept`, { justiceStage: 'on-licence', offenceCategory: 'violence' });
		expect(answer.statusCode).toBe(201);
		const made = answer.json<AcceptReferralResponse>();
		expect(made.caseReference).toMatch(/^RJ-\d{4}-\d{4}$/);
		expect(await env.services.cases.get(made.caseId)).toMatchObject({ stage: 'referral', status: 'open', facilitatorIds: [], referralSource: 'offender-manager', justiceStage: 'on-licence', offenceCategory: 'violence' });
		const docs = await env.services.cases.documentsOf([made.caseId]);
		expect(docs.find((doc) => doc.type === 'case-note')?.text).toContain('Risk known to the referrer: Volatile when discussing the victim.');
		expect(await find(id)).toBeUndefined();
		expect((await find(id, 'accepted'))?.decision).toMatchObject({ caseId: made.caseId, caseReference: made.caseReference });
	});

	it('makes one case when the same referral is accepted twice', async () => {
		const id = await refer({ ...selfReferral, name: 'Pat Double' });
		const answers = await Promise.all([0, 1].map(() => as('coord', 'POST', `/api/referrals/${id}/accept`, { justiceStage: 'custodial-sentence' })));
		expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
		expect(answers.find((a) => a.statusCode === 409)?.json<{ message: string }>().message).toContain('accepted already');
	});

	it('refuses to accept without a justice stage, naming the field and changing nothing', async () => {
		const id = await refer({ ...selfReferral, name: 'Ash Missing' });
		const before = await cases();
		const answer = await as('coord', 'POST', `/api/referrals/${id}/accept`, { offenceCategory: 'theft' });
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ fields: [{ path: 'justiceStage', message: 'Choose where the person responsible is in the justice process' }] });
		expect(await cases()).toEqual(before);
		expect((await find(id))?.status).toBe('new');
	});

	it('declines with a reason that is recorded and listed', async () => {
		const id = await refer({ ...selfReferral, name: 'Chris Declined' });
		const answer = await as('coord', 'POST', `/api/referrals/${id}/decline`, { reason: 'outside-criteria', note: 'Pre-sentence.' });
		expect(answer.statusCode).toBe(200);
		expect((await find(id, 'declined'))?.decision).toMatchObject({ reason: 'outside-criteria', note: 'Pre-sentence.', at: expect.any(String) });
		expect((await as('coord', 'POST', `/api/referrals/${id}/accept`, { justiceStage: 'on-licence' })).statusCode).toBe(409);
	});

	it('asks for a note when the reason is "another reason", and leaves the referral new', async () => {
		const id = await refer({ ...selfReferral, name: 'Dee Other' });
		const answer = await as('coord', 'POST', `/api/referrals/${id}/decline`, { reason: 'other', note: '  ' });
		expect(answer.json()).toMatchObject({ error: 'bad-request', fields: [{ path: 'note', message: 'Say why, when the reason is "another reason"' }] });
		expect((await find(id))?.status).toBe('new');
	});

	it('is for coordinators: a facilitator and an administrator are refused, and nothing changes', async () => {
		const id = await refer({ ...selfReferral, name: 'Eve Private' });
		for (const who of ['fac', 'admin']) {
			expect((await as(who, 'GET', '/api/referrals')).statusCode).toBe(403);
			expect((await as(who, 'POST', `/api/referrals/${id}/accept`, { justiceStage: 'on-licence' })).statusCode).toBe(403);
			expect((await as(who, 'POST', `/api/referrals/${id}/decline`, { reason: 'duplicate' })).statusCode).toBe(403);
		}
		expect((await env.app.inject({ method: 'GET', url: '/api/referrals' })).statusCode).toBe(401);
		expect((await find(id))?.status).toBe('new');
	});

	it('answers an unknown referral id with not found, and a malformed one by naming it', async () => {
		expect((await as('coord', 'GET', '/api/referrals/rf-aaaa-aaaa')).statusCode).toBe(404);
		expect((await as('coord', 'GET', '/api/referrals/nonsense')).json()).toMatchObject({ fields: [{ path: 'referralId' }] });
		expect((await as('coord', 'GET', '/api/referrals?status=lost')).json()).toMatchObject({ fields: [{ path: 'status' }] });
	});
});

export type { ReferralView };
