import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pullAll, push, type Tablet } from './sync-support.js';

// A day's catch-up is a handful of store requests, whatever the caseload: each costs the store a
// few milliseconds, and the device waits on every one in turn.
const CASES = ['case-count-0001', 'case-count-0002', 'case-count-0003'];
let env: InProcess;
let fac: Tablet;
let colleague: Tablet;
let [facId, colleagueId] = ['', ''];
let sent: string[] = [];

async function storeRequests(during: () => Promise<unknown>): Promise<string[]> {
	sent = [];
	await during();
	return sent;
}

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	[facId, colleagueId] = [await addUser(s, 'fac', ['facilitator']), await addUser(s, 'colleague', ['facilitator'])];
	const coord = await addUser(s, 'coord', ['coordinator']);
	for (const [i, caseId] of CASES.entries()) await addCase(s, caseId, `RJ-2026-04${i}1`, coord, [facId, colleagueId]);
	fac = { deviceId: 'fac-tablet-0009', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0009', label: 'Tablet A' }) };
	colleague = { deviceId: 'col-tablet-0009', cookie: await signIn(env.app, 'colleague', { id: 'col-tablet-0009', label: 'Tablet B' }) };
	const gate = env.services.couch.gate;
	const dispatch = gate.dispatch.bind(gate);
	gate.dispatch = (request, handler) => {
		sent.push(`${request.method} ${request.path}`);
		return dispatch(request, handler);
	};
}, 60_000);
afterAll(() => env.stop());

describe("a day's catch-up, in store requests", () => {
	it('checks the server is reachable with at most one store request, and none again moments later', async () => {
		const first = await storeRequests(() => env.app.inject({ method: 'GET', url: '/api/health', headers: { cookie: fac.cookie } }));
		expect(first.length).toBeLessThanOrEqual(1);
		expect(await storeRequests(() => env.app.inject({ method: 'GET', url: '/api/health', headers: { cookie: fac.cookie } }))).toEqual([]);
	});

	it("pushes the day's edits in 7 store requests and pulls a colleague's notes in 5, with the caller checked each time", async () => {
		const mine = CASES.map((caseId, i) => participant(caseId, `participant-count-${i}`, { createdBy: facId }));
		await push(env.app, fac, mine.map((p) => mutationOf(fac, undefined, p)));
		const pages = await pullAll(env.app, fac, {});
		const revs = new Map(pages.flatMap((p) => p.records.map((r) => [r.docId, r.rev] as const)));
		const checkpoints = Object.assign({}, ...pages.map((p) => p.checkpoints.cases)) as Record<string, string>;
		await push(env.app, colleague, CASES.map((caseId, i) => mutationOf(colleague, undefined, participant(caseId, `participant-col-${i}`, { createdBy: colleagueId }))));

		const edits = mine.map((p) => mutationOf(fac, p, { ...p, preferredName: 'Changed' }, revs.get(`case:${p.caseId}:participant:${p.id}`)));
		let results: string[] = [];
		const pushing = await storeRequests(async () => (results = (await push(env.app, fac, edits)).body.results.map((r) => r.status)));
		expect(results).toEqual(['applied', 'applied', 'applied']);
		// The caller; the batch's documents beside its assignments; claims, records, audit lines, logs done.
		expect(pushing.length).toBeLessThanOrEqual(7);

		let received: PullResponse[] = [];
		const pulling = await storeRequests(async () => {
			const cases = Object.entries(checkpoints).map(([caseId, checkpoint]) => ({ caseId, checkpoint }));
			const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', headers: { cookie: fac.cookie }, payload: { deviceId: fac.deviceId, cases } });
			received = answer.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as PullResponse);
		});
		expect(received.flatMap((p) => p.records.map((r) => r.record.id)).filter((id) => String(id).startsWith('participant-col-'))).toHaveLength(3);
		// The caller; the assignments beside the held cases (documents and listings); the bodies beside the audit lines.
		expect(pulling.length).toBeLessThanOrEqual(5);
	});

	it("streams a new tablet's caseload in one store request a page, also where a case runs over from one page to the next", async () => {
		const fresh: Tablet = { deviceId: 'fac-tablet-0010', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0010', label: 'Tablet C' }) };
		let pages: PullResponse[] = [];
		const pulling = await storeRequests(async () => {
			const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull-stream', headers: { cookie: fresh.cookie }, payload: { deviceId: fresh.deviceId, cases: [], limit: 4 } });
			pages = answer.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as PullResponse);
		});
		const records = pages.flatMap((p) => p.records);
		expect(pages.at(-1)!.done).toBe(true);
		expect(records.length).toBe(pages.at(-1)!.progress.total);
		expect(new Set(records.map((r) => r.docId)).size).toBe(records.length);
		// The caller, the assignments, the cases' documents, their listings, the audit lines: then a request a page.
		expect(pulling.length).toBeLessThanOrEqual(5 + pages.length);
	});
});
