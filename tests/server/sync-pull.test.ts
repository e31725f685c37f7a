import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId, caseDocId } from '../../src/lib/domain/ids.js';
import { pullResponseSchema } from '../../src/lib/protocol/sync-pull.js';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import { validate } from '../../src/lib/domain/validation.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pull, pullAll, push, type Tablet } from './sync-support.js';

// "case-abcd-0001" is a prefix of "case-abcd-0001-2": one _all_docs range would hold both.
const MINE = 'case-abcd-0001';
const PREFIXED = 'case-abcd-0001-2';
const SHARED = 'case-shared-0001';
let env: InProcess;
let fac: Tablet;
let other: Tablet;

let [facId, otherId] = ['', ''];

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	let coord = '';
	[facId, otherId, coord] = [await addUser(s, 'fac', ['facilitator']), await addUser(s, 'other', ['facilitator']), await addUser(s, 'coord', ['coordinator'])];
	await addCase(s, MINE, 'RJ-2026-0201', coord, [facId]);
	await addCase(s, PREFIXED, 'RJ-2026-0202', coord, [otherId]);
	await addCase(s, SHARED, 'RJ-2026-0203', coord, [facId, otherId]);
	fac = { deviceId: 'fac-tablet-0002', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0002', label: 'Tablet A' }) };
	other = { deviceId: 'other-tablet-0002', cookie: await signIn(env.app, 'other', { id: 'other-tablet-0002', label: 'Tablet B' }) };
	for (let i = 1; i <= 4; i++) {
		await push(env.app, fac, [mutationOf(fac, undefined, participant(MINE, `participant-mine-${i}`, { createdBy: facId }))]);
		await push(env.app, other, [mutationOf(other, undefined, participant(PREFIXED, `participant-pref-${i}`, { createdBy: otherId }))]);
	}
}, 60_000);
afterAll(() => env.stop());

describe('pulling a caseload', () => {
	it('round-trips a pushed record to the other facilitator of the case, then has nothing new', async () => {
		const record = participant(SHARED, 'participant-shared-1', { createdBy: facId });
		const { body: pushed } = await push(env.app, fac, [mutationOf(fac, undefined, record)]);
		const pages = await pullAll(env.app, other, {});
		const pulled = pages.flatMap((p) => p.records).find((r) => r.docId === caseChildDocId(SHARED, 'participant', 'participant-shared-1'));
		expect(pulled).toEqual({ docId: caseChildDocId(SHARED, 'participant', 'participant-shared-1'), caseId: SHARED, rev: (pushed.results[0] as { rev: string }).rev, record, conflicts: [] });
		for (const page of pages) expect(validate(pullResponseSchema, page).ok).toBe(true);
		const checkpoints = Object.assign({}, ...pages.map((p) => p.checkpoints.cases)) as Record<string, string>;
		const { body: again } = await pull(env.app, other, { cases: Object.entries(checkpoints).map(([caseId, checkpoint]) => ({ caseId, checkpoint })) });
		expect(again).toMatchObject({ records: [], purges: [], done: true });
	});

	it('never sends a facilitator a record of another case, not even one whose id its case id prefixes', async () => {
		const pages = await pullAll(env.app, fac, { [PREFIXED]: undefined });
		const docIds = pages.flatMap((p) => p.records.map((r) => r.docId));
		expect(docIds.filter((id) => id.startsWith(caseDocId(PREFIXED)))).toEqual([]);
		expect(docIds).toContain(caseChildDocId(MINE, 'participant', 'participant-mine-1'));
		expect(docIds.every((id) => id === caseDocId(MINE) || id.startsWith(`${caseDocId(MINE)}:`) || id.startsWith(`${caseDocId(SHARED)}`))).toBe(true);
		expect(pages[0]!.purges).toEqual([{ caseId: PREFIXED, reason: 'unassigned' }]);
		expect(JSON.stringify(pages)).not.toContain('RJ-2026-0202');
	});

	it('loads a caseload in pages with progress, and resumes from the last page it kept', async () => {
		const pages = await pullAll(env.app, fac, {}, 2);
		expect(pages.length).toBeGreaterThan(2);
		const total = pages[0]!.progress.total!;
		expect(pages.every((p) => p.progress.total === total && p.records.length <= 2)).toBe(true);
		expect(pages.map((p) => p.progress.done)).toEqual([...pages.map((p) => p.progress.done)].sort((a, b) => a - b));
		expect(pages.at(-1)!.progress.done).toBe(total);
		expect(new Set(pages.flatMap((p) => p.records.map((r) => r.docId))).size).toBe(total);

		// Interrupted after the first page: asking again with its checkpoints sends only the rest.
		const first = pages[0]!;
		const rest = await pullAll(env.app, fac, first.checkpoints.cases);
		const sentFirst = new Set(first.records.map((r) => r.docId));
		expect(rest.flatMap((p) => p.records).some((r) => sentFirst.has(r.docId))).toBe(false);
		expect(rest.flatMap((p) => p.records).length + first.records.length).toBe(total);
	});

	it('sends service-wide records, with their own checkpoint, to a device that asks for them', async () => {
		const professional = { ...exampleRecords.professional(), id: 'professional-pull-01', createdBy: facId };
		const { body: pushed } = await push(env.app, fac, [mutationOf(fac, undefined, professional)]);
		expect(pushed.results[0]!.status).toBe('applied');
		const { body: first } = await pull(env.app, other, { cases: [], service: {} });
		expect(first.records.filter((r) => r.caseId === undefined).map((r) => r.docId)).toEqual(['professional:professional-pull-01']);
		const { body: again } = await pull(env.app, other, { cases: [], service: { checkpoint: first.checkpoints.service! } });
		expect(again.records.filter((r) => r.caseId === undefined)).toEqual([]);
		const template = { ...exampleRecords.professional(), type: 'checklist-template', id: 'template-by-facilitator' };
		expect((await push(env.app, fac, [mutationOf(fac, undefined, template)])).body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
	});

	it('sends a changed record again after its checkpoint, and only that one', async () => {
		const checkpoints = Object.assign({}, ...(await pullAll(env.app, fac, {})).map((p) => p.checkpoints.cases)) as Record<string, string>;
		const before = participant(MINE, 'participant-mine-2', { createdBy: facId });
		const { body: stored } = await pull(env.app, fac, { cases: [] });
		const rev = stored.records.find((r) => r.docId === caseChildDocId(MINE, 'participant', 'participant-mine-2'))!.rev;
		await push(env.app, fac, [mutationOf(fac, before, { ...before, language: 'Polish' }, rev)]);
		const pages = await pullAll(env.app, fac, checkpoints);
		expect(pages.flatMap((p) => p.records).map((r) => [r.docId, r.record.language])).toEqual([[caseChildDocId(MINE, 'participant', 'participant-mine-2'), 'Polish']]);
	});

	it('does not send back the revisions a device says its push stored, and its next checkpoint names them', async () => {
		const checkpoints = Object.assign({}, ...(await pullAll(env.app, fac, {})).map((p) => p.checkpoints.cases)) as Record<string, string>;
		const docId = caseChildDocId(MINE, 'participant', 'participant-mine-3');
		const before = (await pull(env.app, fac, { cases: [] })).body.records.find((r) => r.docId === docId)!;
		const pushed = await push(env.app, fac, [mutationOf(fac, before.record, { ...before.record, language: 'Urdu' }, before.rev)]);
		expect(pushed.body.results[0]).toMatchObject({ status: 'applied' });
		const rev = (pushed.body.results[0] as { rev: string }).rev;

		const cases = Object.entries(checkpoints).map(([caseId, checkpoint]) => ({ caseId, checkpoint, ...(caseId === MINE ? { holds: [{ docId, rev }] } : {}) }));
		const { body: answer } = await pull(env.app, fac, { cases });
		expect(answer.records).toEqual([]);
		expect(answer.checkpoints.cases[MINE]).toBeDefined();
		const after = Object.entries({ ...checkpoints, ...answer.checkpoints.cases }).map(([caseId, checkpoint]) => ({ caseId, checkpoint }));
		const { body: next } = await pull(env.app, fac, { cases: after });
		expect(next.records).toEqual([]);
	});

	it('still sends a record whose revision on the server is newer than the one a device says it holds', async () => {
		const checkpoints = Object.assign({}, ...(await pullAll(env.app, fac, {})).map((p) => p.checkpoints.cases)) as Record<string, string>;
		const docId = caseChildDocId(MINE, 'participant', 'participant-mine-4');
		const before = (await pull(env.app, fac, { cases: [] })).body.records.find((r) => r.docId === docId)!;
		const mine = await push(env.app, fac, [mutationOf(fac, before.record, { ...before.record, language: 'Gaelic' }, before.rev)]);
		const rev = (mine.body.results[0] as { rev: string }).rev;
		const later = { ...before.record, language: 'Gaelic', preferredName: 'Jo' };
		await push(env.app, fac, [mutationOf(fac, { ...before.record, language: 'Gaelic' }, later, rev)]);

		const { body: answer } = await pull(env.app, fac, { cases: [{ caseId: MINE, checkpoint: checkpoints[MINE]!, holds: [{ docId, rev }] }] });
		expect(answer.records.filter((r) => r.caseId === MINE).map((r) => [r.docId, r.record.preferredName])).toEqual([[docId, 'Jo']]);
	});

	it('refuses held versions that are not versions, naming the field, and sends nothing', async () => {
		const answer = await env.app.inject({ method: 'POST', url: '/api/sync/pull', headers: { cookie: fac.cookie }, payload: { deviceId: fac.deviceId, cases: [{ caseId: MINE, holds: [{ docId: caseDocId(MINE), rev: '' }] }] } });
		expect(answer.statusCode).toBe(400);
		expect(answer.json()).toMatchObject({ fields: [{ path: 'cases.0.holds.0.rev' }] });
		expect(answer.body).not.toContain('participant-mine');
	});
});
