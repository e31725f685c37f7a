import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogResponse } from '../../src/lib/protocol/audit.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
	env = await startInProcess();
	ids.fac = await addUser(env.services, 'fac', ['facilitator']);
	ids.coord = await addUser(env.services, 'coord', ['coordinator']);
	await addCase(env.services, 'case-audit-0001', 'RJ-2026-0101', ids.coord, [ids.fac]);
	await addCase(env.services, 'case-moved-0001', 'RJ-2026-0102', ids.coord, [ids.fac]);
	await addCase(env.services, 'case-shut-0001', 'RJ-2026-0103', ids.coord, [ids.fac], true);
	cookies.fac = await signIn(env.app, 'fac', { id: 'audit-tablet-01', label: 'Tablet 3' });
	cookies.coord = await signIn(env.app, 'coord');
}, 60_000);
afterAll(() => env.stop());

const send = (method: 'GET' | 'POST' | 'DELETE', url: string, who: string, payload?: object) =>
	env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

describe('the audit log', () => {
	it('records who read and wrote a case, from which device, with device and server time', async () => {
		await send('GET', '/api/cases/case-audit-0001', 'fac');
		const note = { id: 'note-audit-0001', text: 'Visit agreed.', aboutParticipantIds: [], deviceTime: '2026-03-01T09:00:00.000Z' };
		expect((await send('POST', '/api/cases/case-audit-0001/notes', 'fac', note)).statusCode).toBe(201);
		const log = (await send('GET', '/api/cases/case-audit-0001/audit', 'coord')).json<AuditLogResponse>();
		expect(log.entries).toEqual([
			expect.objectContaining({ action: 'read', userId: ids.fac, deviceId: 'audit-tablet-01', recordId: 'case-audit-0001', source: 'online' }),
			expect.objectContaining({ action: 'create', recordId: 'note-audit-0001', deviceTime: '2026-03-01T09:00:00.000Z', source: 'online' })
		]);
		for (const entry of log.entries) expect(Date.parse(entry.serverTime)).not.toBeNaN();
	});

	it('keeps reads made offline, reported at sync, with the time the device gave', async () => {
		const reads = [{ caseId: 'case-audit-0001', recordId: 'note-audit-0001', at: '2026-02-01T14:30:00.000Z' }];
		expect((await send('POST', '/api/audit/offline-reads', 'fac', { reads })).statusCode).toBe(202);
		const log = (await send('GET', '/api/cases/case-audit-0001/audit', 'coord')).json<AuditLogResponse>();
		expect(log.entries).toContainEqual(expect.objectContaining({ action: 'read', deviceTime: '2026-02-01T14:30:00.000Z', source: 'offline-report', deviceId: 'audit-tablet-01' }));
	});

	it('cannot be edited or deleted, even with the store credential the server holds', async () => {
		const db = env.services.couch.dbs.audit;
		const [row] = (await db.list({ include_docs: true, startkey: 'case:', endkey: 'case:\ufff0' })).rows;
		await expect(db.insert({ ...(row!.doc as object), action: 'delete' } as never)).rejects.toMatchObject({ statusCode: 403 });
		await expect(db.destroy(row!.id, row!.value.rev)).rejects.toMatchObject({ statusCode: 403 });
	});
});

describe('need to know, over time', () => {
	it('shuts a facilitator out of a case the moment they are unassigned', async () => {
		expect((await send('GET', '/api/cases/case-moved-0001', 'fac')).statusCode).toBe(200);
		expect((await send('DELETE', `/api/cases/case-moved-0001/facilitators/${ids.fac}`, 'coord')).statusCode).toBe(200);
		expect((await send('GET', '/api/cases/case-moved-0001', 'fac')).statusCode).toBe(404);
		const mine = (await send('GET', '/api/cases', 'fac')).json<{ cases: { id: string }[] }>();
		expect(mine.cases.map((c) => c.id)).not.toContain('case-moved-0001');
	});

	it('lets a facilitator read but not add to a closed case', async () => {
		expect((await send('GET', '/api/cases/case-shut-0001', 'fac')).statusCode).toBe(200);
		const answer = await send('POST', '/api/cases/case-shut-0001/notes', 'fac', { id: 'note-late-0001', text: 'Late.', aboutParticipantIds: [] });
		expect(answer.statusCode).toBe(403);
	});

	it('refuses a second note with the same id and keeps the first', async () => {
		const note = { id: 'note-once-0001', text: 'First.', aboutParticipantIds: [] };
		expect((await send('POST', '/api/cases/case-audit-0001/notes', 'fac', note)).statusCode).toBe(201);
		const again = await send('POST', '/api/cases/case-audit-0001/notes', 'fac', { ...note, text: 'Second.' });
		expect(again.statusCode).toBe(409);
		const stored = await env.services.couch.dbs.records.get('case:case-audit-0001:case-note:note-once-0001');
		expect((stored as unknown as { text: string }).text).toBe('First.');
	});
});
