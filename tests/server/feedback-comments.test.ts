import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackComment } from '../../src/lib/protocol/feedback-links.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
let coord = '';
let fac = '';
let coordId = '';
const CASE = 'case-comments-0001';

beforeAll(async () => {
	env = await startInProcess();
	coordId = await addUser(env.services, 'coord', ['coordinator']);
	await addUser(env.services, 'fac', ['facilitator']);
	await addCase(env.services, CASE, 'RJ-2026-0300', coordId, [], true);
	coord = await signIn(env.app, 'coord');
	fac = await signIn(env.app, 'fac');
}, 60_000);
afterAll(() => env.stop());

let sent = 0;
const give = async (payload: object) => {
	// A few milliseconds apart, so newest first has one right order.
	const link = await env.services.feedbackLinks.create(CASE, undefined, coordId, new Date());
	const answer = await env.app.inject({ method: 'POST', url: `/api/public/feedback/${link.token}`, payload, remoteAddress: `10.40.0.${++sent}` });
	await new Promise((resolve) => setTimeout(resolve, 5));
	return { link, answer };
};
const comments = async (cookie = coord) => env.app.inject({ method: 'GET', url: `/api/cases/${CASE}/feedback`, headers: { cookie } });

describe("a case's feedback comments", () => {
	it('show the coordinator each comment, named only where the person gave their name, newest first', async () => {
		const named = await give({ satisfaction: 5, comments: 'Meeting him helped.', name: '  Sam Example  ' });
		const anonymous = await give({ satisfaction: 2, wouldRecommend: false, comments: 'Too slow to start.' });
		expect(named.answer.statusCode).toBe(201);
		expect(anonymous.answer.statusCode).toBe(201);
		const list = (await comments()).json<FeedbackComment[]>();
		expect(list.map((c) => [c.name, c.satisfaction, c.comments])).toEqual([
			[null, 2, 'Too slow to start.'],
			['Sam Example', 5, 'Meeting him helped.']
		]);
		expect(list[0]!.wouldRecommend).toBe(false);
		const stored = await env.services.couch.dbs.records.get(`case:${CASE}:feedback:${named.link.id}`);
		expect(stored).toMatchObject({ anonymous: false, givenName: 'Sam Example', referralSource: 'self' });
	});

	it('keep feedback anonymous when the name is left blank', async () => {
		const { link, answer } = await give({ satisfaction: 4, comments: 'Kind people.', name: '   ' });
		expect(answer.statusCode).toBe(201);
		const stored = await env.services.couch.dbs.records.get(`case:${CASE}:feedback:${link.id}`);
		expect(stored).toMatchObject({ anonymous: true });
		expect(stored).not.toHaveProperty('givenName');
		expect((await comments()).json<FeedbackComment[]>()[0]).toMatchObject({ name: null, comments: 'Kind people.' });
	});

	it('refuse a name that is too long, naming the field, and store nothing', async () => {
		const before = (await comments()).json<FeedbackComment[]>().length;
		const { link, answer } = await give({ satisfaction: 4, name: 'x'.repeat(121) });
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ fields: [{ path: 'name', message: 'Keep your name under 120 characters' }] });
		expect((await comments()).json<FeedbackComment[]>()).toHaveLength(before);
		expect((await env.app.inject({ method: 'GET', url: `/api/public/feedback/${link.token}` })).statusCode).toBe(200);
	});

	it('are not shown to a facilitator', async () => {
		expect((await comments(fac)).statusCode).toBe(404);
	});
});
