import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
let coord = '';
let fac = '';
const CASE = 'case-feedback-0001';

beforeAll(async () => {
	env = await startInProcess();
	const coordId = await addUser(env.services, 'coord', ['coordinator']);
	await addUser(env.services, 'fac', ['facilitator']);
	await addCase(env.services, CASE, 'RJ-2026-0200', coordId, [], true);
	coord = await signIn(env.app, 'coord');
	fac = await signIn(env.app, 'fac');
}, 60_000);
afterAll(() => env.stop());

const newLink = async (payload: object = {}) =>
	(await env.app.inject({ method: 'POST', url: `/api/cases/${CASE}/feedback-links`, headers: { cookie: coord }, payload })).json<{ id: string; token: string; path: string; expiresAt: string }>();
const give = (token: string, payload: object, remoteAddress = '10.30.0.1') =>
	env.app.inject({ method: 'POST', url: `/api/public/feedback/${token}`, payload, remoteAddress });
const CLOSED = { error: 'not-found', message: expect.stringContaining('This feedback link has closed') };

describe('feedback links', () => {
	it('let a coordinator make a link for a case, shown once, that expires in four weeks', async () => {
		const link = await newLink({ role: 'harmed-person' });
		expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(link.path).toBe(`/feedback/${link.token}`);
		expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(27 * 24 * 60 * 60 * 1000);
		const stored = await env.services.couch.dbs.accounts.list({ startkey: 'feedback-link:', endkey: 'feedback-link:\ufff0', include_docs: true });
		expect(JSON.stringify(stored.rows)).not.toContain(link.token);
		const log = (await env.app.inject({ method: 'GET', url: `/api/cases/${CASE}/audit`, headers: { cookie: coord } })).json<{ entries: object[] }>();
		expect(log.entries).toContainEqual(expect.objectContaining({ action: 'create', recordId: link.id }));
	});

	it("store the participant's feedback in the case, once: the same link then answers that it has closed", async () => {
		const link = await newLink({ role: 'person-responsible' });
		const first = await give(link.token, { satisfaction: 5, wouldRecommend: true, comments: 'It helped me understand.' });
		expect(first.statusCode).toBe(201);
		expect(first.json()).toEqual({ message: 'Thank you. Your feedback has reached the service. This link now closes.' });
		const doc = await env.services.couch.dbs.records.get(`case:${CASE}:feedback:${link.id}`);
		expect(doc).toMatchObject({ type: 'feedback', anonymous: true, role: 'person-responsible', satisfaction: 5, comments: 'It helped me understand.' });
		const second = await give(link.token, { satisfaction: 1 });
		expect(second.statusCode).toBe(404);
		expect(second.json()).toEqual(CLOSED);
	});

	it('say whether a link is still open, so its page can say so before anyone writes', async () => {
		const link = await newLink();
		const open = await env.app.inject({ method: 'GET', url: `/api/public/feedback/${link.token}` });
		expect(open.json()).toEqual({ open: true, expiresAt: link.expiresAt });
		expect((await give(link.token, { satisfaction: 4 })).statusCode).toBe(201);
		const closed = await env.app.inject({ method: 'GET', url: `/api/public/feedback/${link.token}` });
		expect(closed.statusCode).toBe(404);
		expect(closed.json()).toEqual(CLOSED);
	});

	it('accept a link once even when it is sent twice at the same moment', async () => {
		const link = await newLink();
		const answers = await Promise.all([give(link.token, { satisfaction: 4 }), give(link.token, { satisfaction: 2 })]);
		expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 404]);
	});

	it('answer the same for an expired link and one that never existed', async () => {
		const past = new Date(Date.now() - 29 * 24 * 60 * 60 * 1000);
		const expired = await env.services.feedbackLinks.create(CASE, undefined, 'someone', past);
		for (const token of [expired.token, 'A'.repeat(43)]) {
			const answer = await give(token, { satisfaction: 3 });
			expect(answer.statusCode).toBe(404);
			expect(answer.json()).toEqual(CLOSED);
		}
	});

	it('refuse a score out of range and a truncated link, naming the field', async () => {
		const link = await newLink();
		expect((await give(link.token, { satisfaction: 6 })).json()).toMatchObject({ fields: [{ path: 'satisfaction', message: 'Choose a score from 1 to 5' }] });
		expect((await give(link.token.slice(0, 20), { satisfaction: 3 })).json()).toMatchObject({ fields: [{ path: 'token' }] });
		expect((await give(link.token, { satisfaction: 3 })).statusCode).toBe(201);
	});

	it('refuse a body that is not an object, though every field of the request is optional', async () => {
		for (const payload of ['[]', 'null']) {
			const answer = await env.app.inject({ method: 'POST', url: `/api/cases/${CASE}/feedback-links`, headers: { cookie: coord, 'content-type': 'application/json' }, payload });
			expect(answer.statusCode).toBe(400);
			expect(answer.json()).toMatchObject({ fields: [{ path: '(body)', message: 'Send a JSON object' }] });
		}
	});

	it('are made by coordinators only', async () => {
		const answer = await env.app.inject({ method: 'POST', url: `/api/cases/${CASE}/feedback-links`, headers: { cookie: fac }, payload: {} });
		expect(answer.statusCode).toBe(404);
	});
});
