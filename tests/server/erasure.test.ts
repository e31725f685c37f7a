import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { RECORD_TYPES } from '../../src/lib/domain/records.js';
import type { SimDevice, SimDeviceModule, SimNetwork } from '../chaos/sim-device-types.js';
import { addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { addRecords, caseWith, JO, peopleOf, SAM } from './retention-fixture.js';
import { storeSnapshot } from './sync-support.js';

const CASE = 'case-erase-000001';
const REFERENCE = 'RJ-2026-0901';
let env: InProcess;
let net: SimNetwork;
let tablet: SimDevice;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

const api = async <T>(who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) => {
	const answer = await env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
	return { status: answer.statusCode, body: answer.json() as T };
};
const participantUrl = (id: string, suffix = '') => `/api/cases/${CASE}/participants/${id}${suffix}`;
/** The case's records in the store (sync's tombstones and conflicts aside). */
async function storedRecords(): Promise<Record<string, unknown>[]> {
	const result = await env.services.couch.dbs.records.list({ startkey: `case:${CASE}`, endkey: `case:${CASE}:\ufff0`, include_docs: true });
	return result.rows.map((row) => row.doc as Record<string, unknown>).filter((doc) => RECORD_TYPES.includes(doc.type as never));
}
const mentionsSam = (value: unknown) => /\bSam(my)?\b|A1234BC|participant-sam-0001/.test(JSON.stringify(value));

beforeAll(async () => {
	env = await startInProcess();
	await env.app.listen({ port: 0, host: '127.0.0.1' });
	users.coord = await addUser(env.services, 'coord', ['coordinator']);
	users.fac = await addUser(env.services, 'fac', ['facilitator']);
	await caseWith(env.services, CASE, REFERENCE, users.coord, [users.fac]);
	await addRecords(env.services, peopleOf(CASE));
	cookies.coord = await signIn(env.app, 'coord');
	cookies.fac = await signIn(env.app, 'fac');
	const helper = '../support/sim-device.ts';
	const { simNetwork } = (await import(/* @vite-ignore */ helper)) as SimDeviceModule;
	net = simNetwork(`http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`);
	tablet = await net.device({ userId: users.fac, deviceId: 'fac-tablet-0901', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0901', label: 'Tablet' }) });
	expect(await tablet.sync()).toMatchObject({ status: 'synced' });
}, 60_000);
afterAll(async () => {
	net?.restore();
	await env?.stop();
});

describe('correcting a participant', () => {
	it('refuses a bad value naming the field, and changes nothing', async () => {
		const before = await storeSnapshot(env.services.couch.dbs);
		const answer = await api<{ fields: { path: string }[] }>('coord', 'PUT', participantUrl(JO, '/rectification'), { changes: { prisonNumber: 'not a number' }, reason: 'Jo told us' });
		expect(answer.status).toBe(400);
		expect(answer.body.fields.map((f) => f.path)).toEqual(['changes.prisonNumber']);
		const noReason = await api<{ fields: { path: string }[] }>('coord', 'PUT', participantUrl(JO, '/rectification'), { changes: { name: 'Jo Samples' }, reason: ' ' });
		expect(noReason.body.fields.map((f) => f.path)).toEqual(['reason']);
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});

	it('changes the details, keeps the old value only in the audit database, and the device has the new one after sync', async () => {
		const answer = await api<{ changed: string[] }>('coord', 'PUT', participantUrl(JO, '/rectification'), { changes: { name: 'Joanne Sample' }, reason: 'Jo asked us to use her full name' });
		expect(answer).toEqual({ status: 200, body: { changed: ['name'] } });
		expect((await api<{ participant: { name: string } }>('coord', 'GET', participantUrl(JO))).body.participant.name).toBe('Joanne Sample');
		const entries = await env.services.couch.dbs.audit.list({ startkey: `rectification:${CASE}:`, endkey: `rectification:${CASE}:\ufff0`, include_docs: true });
		expect(entries.rows.map((row) => row.doc)).toEqual([expect.objectContaining({ participantId: JO, changed: [{ field: 'name', from: 'Jo Sample', to: 'Joanne Sample' }], reason: 'Jo asked us to use her full name', byUserId: users.coord })]);
		expect((await env.services.audit.forCase(CASE)).filter((e) => e.action === 'change')).toEqual([expect.objectContaining({ recordId: JO, fields: ['name'], userId: users.coord })]);
		expect(await tablet.sync()).toMatchObject({ status: 'synced' });
		const onDevice = await tablet.read(caseChildDocId(CASE, 'participant', JO));
		expect(onDevice?.name).toBe('Joanne Sample');
		expect(JSON.stringify(await tablet.snapshot())).not.toContain('"Jo Sample"');
	});

	it('is for the office: a facilitator on the case may not correct or erase', async () => {
		expect((await api('fac', 'PUT', participantUrl(JO, '/rectification'), { changes: { name: 'X Y' }, reason: 'r' })).status).toBe(403);
		expect((await api('fac', 'POST', participantUrl(SAM, '/erasure'), { reason: 'r', confirmReference: REFERENCE })).status).toBe(403);
	});
});

describe('erasing a participant', () => {
	it('refuses without the case reference typed to confirm, naming the field, and changes nothing', async () => {
		const before = await storeSnapshot(env.services.couch.dbs);
		const answer = await api<{ fields: { path: string; message: string }[] }>('coord', 'POST', participantUrl(SAM, '/erasure'), { reason: 'Sam asked; no legal reason to keep it', confirmReference: 'RJ-2026-0000' });
		expect(answer.status).toBe(400);
		expect(answer.body.fields).toEqual([{ path: 'confirmReference', message: "Type this case's reference exactly as shown to confirm" }]);
		expect((await api<{ fields: { path: string }[] }>('coord', 'POST', participantUrl(SAM, '/erasure'), { confirmReference: REFERENCE })).body.fields.map((f) => f.path)).toEqual(['reason']);
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
	});

	it('removes them from every case document and from the device at its next sync, dropping a change the device still had waiting', async () => {
		// Offline, the facilitator corrects Sam's preferred name; meanwhile the office erases Sam.
		tablet.online = false;
		const sam = (await tablet.read(caseChildDocId(CASE, 'participant', SAM)))!;
		expect((await tablet.save({ ...sam, preferredName: 'Sammy' }, '2026-11-20T10:00:00.000Z', 'mutation-erase-0001')).ok).toBe(true);
		const answer = await api<{ removed: number; rewritten: number }>('coord', 'POST', participantUrl(SAM, '/erasure'), { reason: 'Sam asked; no legal reason to keep it', confirmReference: REFERENCE });
		expect(answer.status).toBe(200);
		const records = await storedRecords();
		expect(records.filter(mentionsSam)).toEqual([]);
		expect(records.map((r) => r.id).sort()).toEqual(['case-erase-000001', JO, 'consent-jo-00001', 'contact-both-001', 'feedback-sam-001', 'letter-jo-to-sam', 'note-both-00001', 'note-jo-only-001'].sort());
		expect(records.find((r) => r.id === 'note-both-00001')).toMatchObject({ aboutParticipantIds: [JO], text: '[name removed] and Jo both want to go on. [name removed] ([name removed]) is ready.' });
		expect(records.find((r) => r.id === 'feedback-sam-001')).toMatchObject({ anonymous: true, satisfaction: 5 });
		expect(answer.body).toEqual({ removed: 4, rewritten: 4 });

		tablet.online = true;
		expect(await tablet.sync()).toMatchObject({ status: 'synced' });
		const held = await tablet.snapshot();
		expect(held.records.filter((r) => mentionsSam(r.record))).toEqual([]);
		expect(held.records.map((r) => r.record.id)).not.toContain(SAM);
		expect(held.outbox).toBe(0);
		expect(held.rejections).toEqual([]);
		expect(held.records.find((r) => r.record.id === 'note-jo-only-001')?.record.text).toBe('Jo will call back on Friday.');
	});

	it('is audited with who, when and why, and never the name', async () => {
		const entries = await env.services.couch.dbs.audit.list({ startkey: `erasure:${CASE}:`, endkey: `erasure:${CASE}:\ufff0`, include_docs: true });
		expect(entries.rows).toHaveLength(1);
		const entry = entries.rows[0]!.doc as Record<string, unknown>;
		expect(entry).toMatchObject({ participantId: SAM, role: 'person-responsible', byUserId: users.coord, reference: REFERENCE });
		expect(JSON.stringify({ ...entry, reason: '' })).not.toMatch(/Sam Example|A1234BC/);
		const deleted = (await env.services.audit.forCase(CASE)).filter((e) => e.action === 'delete').map((e) => e.recordId);
		expect(deleted).toEqual(expect.arrayContaining([SAM, 'note-sam-only-01', 'consent-sam-0001', 'assessment-sam-01']));
	});
});
