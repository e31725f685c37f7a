import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { validate } from '../../src/lib/domain/validation.js';
import { pullResponseSchema, type PullRequest, type PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pullAll, push, type Tablet } from './sync-support.js';

const FIRST = 'case-stream-0001';
const SECOND = 'case-stream-0002';
let env: InProcess;
let fac: Tablet;
let other: Tablet;

async function stream(tablet: Tablet, request: Omit<PullRequest, 'deviceId'>): Promise<{ status: number; type?: string; pages: PullResponse[]; body: string }> {
	const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', headers: { cookie: tablet.cookie }, payload: { deviceId: tablet.deviceId, ...request } });
	const lines = answer.statusCode === 200 ? answer.body.split('\n').filter((line) => line !== '') : [];
	return { status: answer.statusCode, type: answer.headers['content-type'] as string | undefined, pages: lines.map((line) => JSON.parse(line) as PullResponse), body: answer.body };
}

let [facId, otherId] = ['', ''];

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	let coord = '';
	[facId, otherId, coord] = [await addUser(s, 'fac', ['facilitator']), await addUser(s, 'other', ['facilitator']), await addUser(s, 'coord', ['coordinator'])];
	await addCase(s, FIRST, 'RJ-2026-0301', coord, [facId]);
	await addCase(s, SECOND, 'RJ-2026-0302', coord, [facId, otherId]);
	fac = { deviceId: 'fac-tablet-0003', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0003', label: 'Tablet A' }) };
	other = { deviceId: 'other-tablet-0003', cookie: await signIn(env.app, 'other', { id: 'other-tablet-0003', label: 'Tablet B' }) };
	for (let i = 1; i <= 3; i++)
		for (const caseId of [FIRST, SECOND]) await push(env.app, fac, [mutationOf(fac, undefined, participant(caseId, `participant-${caseId.slice(-4)}-${i}`, { createdBy: facId }))]);
}, 60_000);
afterAll(() => env.stop());

describe('the streamed pull', () => {
	it('sends in one answer the same records, pages and progress as pulling page by page', async () => {
		const { status, type, pages } = await stream(fac, { cases: [], limit: 3 });
		expect(status).toBe(200);
		expect(type).toContain('application/x-ndjson');
		const paged = await pullAll(env.app, fac, {}, 3);
		expect(pages.length).toBe(paged.length);
		for (const page of pages) expect(validate(pullResponseSchema, page).ok).toBe(true);
		expect(pages.map((p) => p.records.length)).toEqual(paged.map((p) => p.records.length));
		expect(pages.map((p) => p.progress)).toEqual(paged.map((p) => p.progress));
		expect(pages.map((p) => p.done)).toEqual([...pages.slice(1).map(() => false), true]);
		const sent = pages.flatMap((p) => p.records.map((r) => r.docId));
		expect(new Set(sent).size).toBe(sent.length);
		expect(sent.sort()).toEqual(paged.flatMap((p) => p.records.map((r) => r.docId)).sort());
	});

	it('gives each page checkpoints that resume after it: cut off after the second page, the rest and only the rest follows', async () => {
		const { pages } = await stream(fac, { cases: [], limit: 3 });
		const kept = Object.assign({}, ...pages.slice(0, 2).map((p) => p.checkpoints.cases)) as Record<string, string>;
		const received = new Set(pages.slice(0, 2).flatMap((p) => p.records.map((r) => r.docId)));
		const { pages: rest } = await stream(fac, { cases: Object.entries(kept).map(([caseId, checkpoint]) => ({ caseId, checkpoint })) });
		const restIds = rest.flatMap((p) => p.records.map((r) => r.docId));
		expect(restIds.filter((id) => received.has(id))).toEqual([]);
		expect(restIds.length + received.size).toBe(pages.at(-1)!.progress.total);
		expect(rest.at(-1)!.progress.done).toBe(pages.at(-1)!.progress.total);
	});

	it('sends nothing more to a device that holds everything, and a change made since on its own', async () => {
		const { pages } = await stream(other, { cases: [] });
		const held = Object.assign({}, ...pages.map((p) => p.checkpoints.cases)) as Record<string, string>;
		const cases = Object.entries(held).map(([caseId, checkpoint]) => ({ caseId, checkpoint }));
		expect((await stream(other, { cases })).pages).toMatchObject([{ records: [], done: true }]);
		const before = participant(SECOND, 'participant-0002-1', { createdBy: facId });
		const rev = pages.flatMap((p) => p.records).find((r) => r.docId === caseChildDocId(SECOND, 'participant', 'participant-0002-1'))!.rev;
		await push(env.app, fac, [mutationOf(fac, before, { ...before, language: 'Polish' }, rev)]);
		const { pages: after } = await stream(other, { cases });
		expect(after.flatMap((p) => p.records).map((r) => [r.docId, r.record.language])).toEqual([[caseChildDocId(SECOND, 'participant', 'participant-0002-1'), 'Polish']]);
	});

	it('refuses a request naming another device or a bad page size, naming the field, before anything is sent', async () => {
		const wrong = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', headers: { cookie: fac.cookie }, payload: { deviceId: 'someone-elses-tablet', cases: [] } });
		expect(wrong.statusCode).toBe(400);
		expect(wrong.json().fields).toEqual([expect.objectContaining({ path: 'deviceId' })]);
		const { status, body } = await stream(fac, { cases: [], limit: 0 });
		expect(status).toBe(400);
		expect(JSON.parse(body).fields).toEqual([expect.objectContaining({ path: 'limit' })]);
	});

	it('is compressed on the way, like every other answer', async () => {
		const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', headers: { cookie: fac.cookie, 'accept-encoding': 'gzip' }, payload: { deviceId: fac.deviceId, cases: [] } });
		expect(answer.statusCode).toBe(200);
		expect(answer.headers['content-encoding']).toBe('gzip');
	});

	it('answers a caller who is not signed in 401, with no records', async () => {
		const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', payload: { deviceId: fac.deviceId, cases: [] } });
		expect(answer.statusCode).toBe(401);
		expect(answer.body).not.toContain('participant');
	});
});
