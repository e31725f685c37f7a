import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { filedDocId, mutationLogId } from '../../server/services/sync-documents.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, push, type Tablet } from './sync-support.js';

const CASE = 'case-recover-0001';
let env: InProcess;
let fac: Tablet;
let [facId, coord] = ['', ''];

beforeAll(async () => {
	env = await startInProcess();
	[facId, coord] = [await addUser(env.services, 'fac', ['facilitator']), await addUser(env.services, 'coord', ['coordinator'])];
	await addCase(env.services, CASE, 'RJ-2026-0401', coord, [facId]);
	fac = { deviceId: 'fac-tablet-0004', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0004', label: 'Tablet A' }) };
}, 60_000);
afterAll(() => env.stop());

const stored = (id: string) => env.services.couch.dbs.records.get(caseChildDocId(CASE, 'participant', id)) as Promise<Record<string, unknown>>;

describe('a push interrupted part-way', () => {
	it('is finished by its retry when the server stopped after claiming the change and before writing it', async () => {
		const m = mutationOf(fac, undefined, participant(CASE, 'participant-claimed', { createdBy: facId }));
		// What a process leaves behind when it dies between the claim and the write.
		await env.services.couch.dbs.records.insert({ _id: mutationLogId(m), type: 'mutation-log', v: 1, state: 'pending', userId: 'someone', recordDocId: 'x', serverTime: new Date().toISOString() } as never);
		const { body } = await push(env.app, fac, [m]);
		expect(body.results[0]).toMatchObject({ status: 'applied' });
		expect(await stored('participant-claimed')).toMatchObject({ name: 'Sam Example' });
		expect((await push(env.app, fac, [m])).body.results[0]!.status).toBe('duplicate');
	});

	it('writes the audit line on the retry when the audit log failed the first time, and the change once', async () => {
		const record = participant(CASE, 'participant-audited', { createdBy: facId });
		const m = mutationOf(fac, undefined, record);
		const append = env.services.audit.appendOnce;
		env.services.audit.appendOnce = () => Promise.reject(new Error('audit store down'));
		try {
			expect((await push(env.app, fac, [m])).status).toBe(500);
		} finally {
			env.services.audit.appendOnce = append;
		}
		const { body } = await push(env.app, fac, [m]);
		expect(['applied', 'merged']).toContain(body.results[0]!.status);
		expect(String((await stored('participant-audited'))._rev).startsWith('1-')).toBe(true);
		const lines = (await env.services.audit.forCase(CASE)).filter((e) => e.recordId === 'participant-audited');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ action: 'create', deviceId: fac.deviceId, deviceTime: m.deviceTime, userId: expect.any(String) });
	});

	it('audits a change once when its process died after the audit line and before marking the change done', async () => {
		const m = mutationOf(fac, undefined, participant(CASE, 'participant-half-settled', { createdBy: facId }));
		expect((await push(env.app, fac, [m])).body.results[0]!.status).toBe('applied');
		// What a process leaves behind when it dies between writing the audit line and marking the log done.
		const log = (await env.services.couch.dbs.records.get(mutationLogId(m))) as Record<string, unknown>;
		await env.services.couch.dbs.records.insert({ ...log, state: 'pending', rev: undefined, status: undefined } as never);
		const { body } = await push(env.app, fac, [m]);
		expect(['applied', 'merged']).toContain(body.results[0]!.status);
		const lines = (await env.services.audit.forCase(CASE)).filter((e) => e.recordId === 'participant-half-settled');
		expect(lines).toHaveLength(1);
		expect(String((await stored('participant-half-settled'))._rev).startsWith('1-')).toBe(true);
	});

	it('audits a change once when two copies of its batch arrive side by side', async () => {
		const record = participant(CASE, 'participant-twice-at-once', { createdBy: facId });
		const batch = [mutationOf(fac, undefined, record), mutationOf(fac, record, { ...record, name: 'Sam Twice' }, undefined, { deviceTime: '2026-10-05T14:31:00.000Z' })];
		const answers = await Promise.all([push(env.app, fac, batch), push(env.app, fac, batch)]);
		for (const answer of answers) expect(answer.status).toBe(200);
		expect(await stored('participant-twice-at-once')).toMatchObject({ name: 'Sam Twice' });
		const lines = (await env.services.audit.forCase(CASE)).filter((e) => e.recordId === 'participant-twice-at-once');
		expect(lines.map((e) => [e.action, e.deviceTime])).toEqual([
			['create', batch[0]!.deviceTime],
			['change', batch[1]!.deviceTime]
		]);
	});

	it('finishes and audits once a change written just before its author lost the case, instead of also filing it', async () => {
		const LOST = 'case-recover-0002';
		await addCase(env.services, LOST, 'RJ-2026-0402', coord, [facId]);
		const m = mutationOf(fac, undefined, participant(LOST, 'participant-written-then-lost', { createdBy: facId }));
		const append = env.services.audit.appendOnce;
		env.services.audit.appendOnce = () => Promise.reject(new Error('audit store down'));
		try {
			// The record is written, then the process fails before the audit line and the log's `done`.
			expect((await push(env.app, fac, [m])).status).toBe(500);
		} finally {
			env.services.audit.appendOnce = append;
		}
		await env.services.accounts.unassign(facId, LOST);
		const { body } = await push(env.app, fac, [m]);
		expect(body.results).toEqual([{ status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' }]);
		const lines = (await env.services.audit.forCase(LOST)).filter((e) => e.recordId === 'participant-written-then-lost');
		expect(lines.map((e) => [e.action, e.deviceId])).toEqual([['create', fac.deviceId]]);
		expect(await env.services.couch.dbs.records.get(mutationLogId(m))).toMatchObject({ state: 'done' });
		await expect(env.services.couch.dbs.records.get(filedDocId(LOST, m))).rejects.toMatchObject({ statusCode: 404 });
	});

	it('does not also file a change that a copy sent while its author had the case claims first', async () => {
		const RACED = 'case-recover-0003';
		await addCase(env.services, RACED, 'RJ-2026-0403', coord, [facId]);
		const m = mutationOf(fac, undefined, participant(RACED, 'participant-raced', { createdBy: facId }));
		await env.services.accounts.unassign(facId, RACED);
		const db = env.services.couch.dbs.records;
		const insert = db.insert.bind(db);
		// The copy sent before the unassignment claims the change just as this one files it, then stops.
		db.insert = ((doc: { _id?: string }, ...rest: unknown[]) => {
			const claim = doc._id === filedDocId(RACED, m) ? insert({ _id: mutationLogId(m), type: 'mutation-log', v: 1, state: 'pending', userId: facId, recordDocId: caseChildDocId(RACED, 'participant', 'participant-raced'), serverTime: new Date().toISOString() } as never) : Promise.resolve();
			return claim.then(() => (insert as (...args: unknown[]) => unknown)(doc, ...rest));
		}) as typeof db.insert;
		try {
			const { body } = await push(env.app, fac, [m]);
			expect(body.results).toEqual([{ status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' }]);
		} finally {
			db.insert = insert;
		}
		await expect(db.get(filedDocId(RACED, m))).rejects.toMatchObject({ statusCode: 404 });
		expect(await db.get(caseChildDocId(RACED, 'participant', 'participant-raced'))).toMatchObject({ name: 'Sam Example' });
		expect(await db.get(mutationLogId(m))).toMatchObject({ state: 'done' });
		const lines = (await env.services.audit.forCase(RACED)).filter((e) => e.recordId === 'participant-raced');
		expect(lines.map((e) => [e.action, e.deviceId])).toEqual([['create', fac.deviceId]]);
	});
});
