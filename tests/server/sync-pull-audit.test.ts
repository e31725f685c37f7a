import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullRequest, PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pull, push, type Tablet } from './sync-support.js';

const FIRST = 'case-audited-0001';
const SECOND = 'case-audited-0002';
let env: InProcess;
let fac: Tablet;

async function stream(request: Omit<PullRequest, 'deviceId'>): Promise<{ status: number; pages: PullResponse[] }> {
	const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', headers: { cookie: fac.cookie }, payload: { deviceId: fac.deviceId, ...request } });
	const lines = answer.statusCode === 200 ? answer.body.split('\n').filter((line) => line !== '') : [];
	return { status: answer.statusCode, pages: lines.map((line) => JSON.parse(line) as PullResponse) };
}

const reads = async (caseId: string) => (await env.services.audit.forCase(caseId)).filter((entry) => entry.action === 'read');

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	const [facId, coord] = [await addUser(s, 'fac', ['facilitator']), await addUser(s, 'coord', ['coordinator'])];
	await addCase(s, FIRST, 'RJ-2026-0501', coord, [facId]);
	await addCase(s, SECOND, 'RJ-2026-0502', coord, [facId]);
	fac = { deviceId: 'audited-tablet-01', cookie: await signIn(env.app, 'fac', { id: 'audited-tablet-01', label: 'Tablet A' }) };
	for (let i = 1; i <= 2; i++) await push(env.app, fac, [FIRST, SECOND].map((caseId) => mutationOf(fac, undefined, participant(caseId, `participant-${caseId.slice(-4)}-${i}`, { createdBy: facId }))));
}, 60_000);
afterAll(() => env.stop());

describe('who read what, when a pull sends records', () => {
	it('records one read of each case a streamed pull carries, with the device, however many pages it takes', async () => {
		const [before1, before2] = [(await reads(FIRST)).length, (await reads(SECOND)).length];
		const { status, pages } = await stream({ cases: [], limit: 1 });
		expect(status).toBe(200);
		expect(pages.length).toBeGreaterThan(4);
		expect((await reads(FIRST)).length - before1).toBe(1);
		expect((await reads(SECOND)).length - before2).toBe(1);
		expect((await reads(FIRST)).at(-1)).toMatchObject({ deviceId: fac.deviceId, source: 'online' });
	});

	it('records nothing for a case the pull has nothing new of', async () => {
		const { pages } = await stream({ cases: [] });
		const checkpoints = Object.assign({}, ...pages.map((p) => p.checkpoints.cases)) as Record<string, string>;
		const before = (await reads(FIRST)).length;
		const again = await stream({ cases: Object.entries(checkpoints).map(([caseId, checkpoint]) => ({ caseId, checkpoint })) });
		expect(again.pages.flatMap((p) => p.records)).toEqual([]);
		expect((await reads(FIRST)).length).toBe(before);
	});

	it('sends no record when the read cannot be recorded, in either pull', async () => {
		const append = env.services.audit.append;
		env.services.audit.append = () => Promise.reject(new Error('audit store down'));
		try {
			const streamed = await stream({ cases: [] });
			expect(streamed.status).toBeGreaterThanOrEqual(500);
			expect(streamed.pages).toEqual([]);
			const paged = await pull(env.app, fac, { cases: [] });
			expect(paged.status).toBeGreaterThanOrEqual(500);
			expect(paged.body.records).toBeUndefined();
		} finally {
			env.services.audit.append = append;
		}
	});
});
