import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId, caseDocId } from '../../src/lib/domain/ids.js';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import { DEFAULT_RETENTION_POLICY } from '../../src/lib/domain/retention-policy.js';
import type { RetentionPreviewResponse, RetentionRunResponse, RetentionSettingsResponse } from '../../src/lib/protocol/retention.js';
import { runRetention } from '../../server/services/retention-job.js';
import type { SimDevice, SimDeviceModule, SimNetwork } from '../chaos/sim-device-types.js';
import { addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { addRecords, caseWith, peopleOf } from './retention-fixture.js';
import { pullAll, storeSnapshot, type Tablet } from './sync-support.js';

const OPEN = 'case-retain-open1';
const ANON = 'case-retain-anon1';
const GONE = 'case-retain-gone1';
let env: InProcess;
let net: SimNetwork;
let tablet: SimDevice;
let office: Tablet;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

const api = async <T>(who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) => {
	const answer = await env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
	return { status: answer.statusCode, body: answer.json() as T };
};
const exists = async (docId: string) => (await env.services.couch.dbs.records.get(docId).then(() => true, () => false));
const run = () => api<RetentionRunResponse>('admin', 'POST', '/api/retention/run');
const lines = () => env.services.retention.lines(1000);

beforeAll(async () => {
	env = await startInProcess();
	await env.app.listen({ port: 0, host: '127.0.0.1' });
	users.coord = await addUser(env.services, 'coord', ['coordinator']);
	users.fac = await addUser(env.services, 'fac', ['facilitator']);
	users.admin = await addUser(env.services, 'admin', ['administrator']);
	await caseWith(env.services, OPEN, 'RJ-2026-0801', users.coord, [users.fac]);
	await addRecords(env.services, [
		...peopleOf(OPEN).filter((r) => r.type === 'participant'),
		{ ...exampleRecords.feedback(), caseId: OPEN, id: 'feedback-old-0001', participantId: 'participant-jo-00001', receivedAt: '2023-05-01T09:00:00.000Z' },
		{ ...exampleRecords.feedback(), caseId: OPEN, id: 'feedback-new-0001', participantId: 'participant-jo-00001', receivedAt: new Date().toISOString() }
	]);
	await caseWith(env.services, ANON, 'RJ-2019-0802', users.coord, [], { exitReason: 'completed', exitDate: '2019-06-30T16:00:00.000Z' });
	await addRecords(env.services, peopleOf(ANON));
	await caseWith(env.services, GONE, 'RJ-2023-0803', users.coord, [], { exitReason: 'unable-to-contact', exitDate: '2023-02-01T10:00:00.000Z' });
	await addRecords(env.services, peopleOf(GONE).slice(0, 3));
	cookies.admin = await signIn(env.app, 'admin');
	cookies.coord = await signIn(env.app, 'coord');
	cookies.fac = await signIn(env.app, 'fac');
	office = { deviceId: 'office-pc-0801', cookie: await signIn(env.app, 'coord', { id: 'office-pc-0801', label: 'Office' }) };
	const helper = '../support/sim-device.ts';
	const { simNetwork } = (await import(/* @vite-ignore */ helper)) as SimDeviceModule;
	net = simNetwork(`http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`);
	tablet = await net.device({ userId: users.fac, deviceId: 'fac-tablet-0801', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0801', label: 'Tablet' }) });
}, 60_000);
afterAll(async () => {
	net?.restore();
	await env?.stop();
});

describe('the retention settings', () => {
	it('start at the default, and refuse a bad period naming the field and changing nothing', async () => {
		expect((await api<RetentionSettingsResponse>('coord', 'GET', '/api/settings/retention')).body).toEqual({ policy: DEFAULT_RETENTION_POLICY });
		const bad = { policy: { ...DEFAULT_RETENTION_POLICY, feedbackMonths: 0 } };
		const answer = await api<{ fields: { path: string; message: string }[] }>('admin', 'PUT', '/api/settings/retention', bad);
		expect(answer.status).toBe(400);
		expect(answer.body.fields).toEqual([{ path: 'policy.feedbackMonths', message: 'Keep it for at least 1 month' }]);
		expect((await api('coord', 'PUT', '/api/settings/retention', { policy: DEFAULT_RETENTION_POLICY })).status).toBe(403);
		expect((await api<RetentionSettingsResponse>('admin', 'GET', '/api/settings/retention')).body).toEqual({ policy: DEFAULT_RETENTION_POLICY });
	});

	it('are saved by an administrator, and the change is audited with the periods before and after', async () => {
		const policy = { ...DEFAULT_RETENTION_POLICY, declinedReferralMonths: 9 };
		const answer = await api<RetentionSettingsResponse>('admin', 'PUT', '/api/settings/retention', { policy });
		expect(answer.body).toMatchObject({ policy, updatedBy: users.admin });
		const audit = await env.services.couch.dbs.audit.list({ startkey: 'settings:retention:', endkey: 'settings:retention:\ufff0', include_docs: true });
		expect(audit.rows.map((row) => (row.doc as unknown as { changes: unknown }).changes)).toEqual([[{ field: 'declinedReferralMonths', from: 6, to: 9 }]]);
	});
});

describe('the retention job', () => {
	it('lists in a dry run what would go and why, with no names, and removes nothing', async () => {
		expect(await tablet.sync()).toMatchObject({ status: 'synced' });
		expect(await tablet.read(caseChildDocId(OPEN, 'feedback', 'feedback-old-0001'))).toBeDefined();
		const before = await storeSnapshot(env.services.couch.dbs);
		const { body } = await api<RetentionPreviewResponse>('admin', 'GET', '/api/retention/preview');
		const due = body.due.map((item) => `${item.reference} ${item.kind} ${item.action}`);
		expect(due).toContain('RJ-2026-0801 feedback delete');
		expect(due).not.toContain('RJ-2026-0801 participant delete');
		expect(due.filter((d) => d.startsWith('RJ-2019-0802'))).toHaveLength(peopleOf(ANON).length + 1);
		expect(due).toContain('RJ-2019-0802 case anonymise');
		expect(due).toContain('RJ-2023-0803 case delete');
		expect(JSON.stringify(body)).not.toMatch(/Sam|Jo |Jo"|A1234BC/);
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(before);
		expect((await api('coord', 'GET', '/api/retention/preview')).status).toBe(403);
	});

	it('removes a record past retention from the store and from the device at its next sync, and the audit says so', async () => {
		const heldByOffice = await pullAll(env.app, office, { [ANON]: undefined, [GONE]: undefined });
		const checkpoints = Object.assign({}, ...heldByOffice.map((page) => page.checkpoints.cases)) as Record<string, string>;
		const answer = await run();
		expect(answer.body).toMatchObject({ status: 'done', anonymised: 1 });
		const old = caseChildDocId(OPEN, 'feedback', 'feedback-old-0001');
		expect(await exists(old)).toBe(false);
		expect(await exists(caseChildDocId(OPEN, 'feedback', 'feedback-new-0001'))).toBe(true);
		const line = (await lines()).find((l) => l.docId === old);
		expect(line).toMatchObject({ kind: 'feedback', reference: 'RJ-2026-0801', action: 'delete', rule: 'feedback', by: users.admin, policy: expect.stringMatching(/^changed /) });
		expect(line!.why).toBe('Received on 2023-05-01; feedback is kept 24 months');
		expect((await env.services.audit.forCase(OPEN)).filter((e) => e.action === 'delete').map((e) => e.recordId)).toEqual(['feedback-old-0001']);

		expect(await tablet.sync()).toMatchObject({ status: 'synced' });
		expect(await tablet.read(old)).toBeUndefined();
		expect(await tablet.read(caseChildDocId(OPEN, 'feedback', 'feedback-new-0001'))).toBeDefined();

		// The office still holds the two closed cases: the anonymised one loses its records, the deleted one goes whole.
		const pages = await pullAll(env.app, office, checkpoints);
		expect(pages.flatMap((p) => p.purges)).toEqual([{ caseId: GONE, reason: 'retention' }]);
		expect(pages.flatMap((p) => p.deletions).map((d) => d.docId).sort()).toEqual(peopleOf(ANON).map((r) => caseChildDocId(ANON, String(r.type), String(r.id))).sort());
		const anonymised = pages.flatMap((p) => p.records).find((r) => r.docId === caseDocId(ANON))!.record;
		expect(anonymised).toMatchObject({ status: 'closed', exitReason: 'completed', stageHistory: expect.arrayContaining([expect.objectContaining({ stage: 'closed' })]) });
		expect(anonymised).not.toHaveProperty('exitNote');
		const left = await env.services.couch.dbs.records.list({ startkey: `case:${GONE}`, endkey: `case:${GONE}:\ufff0` });
		expect(left.rows).toEqual([]);
		expect((await lines()).filter((l) => l.reference === 'RJ-2023-0803').map((l) => l.kind).sort()).toEqual(['case', 'case-note', 'participant', 'participant']);
	});

	it('does nothing more when run again, or twice at once', async () => {
		const [store, audited] = [await storeSnapshot(env.services.couch.dbs), (await lines()).length];
		expect((await run()).body).toMatchObject({ status: 'done', removed: 0, anonymised: 0 });
		const [first, second] = await Promise.all([runRetention(env.services, users.admin!, new Date()), runRetention(env.services, 'another-process', new Date())]);
		expect([first.removed + second.removed, first.anonymised + second.anonymised]).toEqual([0, 0]);
		expect(await storeSnapshot(env.services.couch.dbs)).toBe(store);
		expect((await lines()).length).toBe(audited);
	});

	it('removes and audits a newly due record once when two processes run at the same moment', async () => {
		await addRecords(env.services, [{ ...exampleRecords.feedback(), caseId: OPEN, id: 'feedback-old-0002', participantId: 'participant-jo-00001', receivedAt: '2022-01-01T09:00:00.000Z' }]);
		const runs = await Promise.all([0, 1, 2].map((n) => runRetention(env.services, `process-${n}`, new Date())));
		expect(runs.reduce((sum, r) => sum + r.removed, 0)).toBe(1);
		expect(runs.map((r) => r.status)).toContain('done');
		expect((await lines()).filter((l) => l.docId === caseChildDocId(OPEN, 'feedback', 'feedback-old-0002'))).toHaveLength(1);
	});

	it('waits while another process holds the lease, and takes a lease left by a process that died once it expires', async () => {
		const accounts = env.services.couch.dbs.accounts;
		const lease = (await accounts.get('lease:retention')) as unknown as Record<string, unknown>;
		await accounts.insert({ ...lease, holder: 'a-process-that-died', expiresAt: new Date(Date.now() + 60_000).toISOString() } as never);
		expect((await run()).body.status).toBe('busy');
		expect((await runRetention(env.services, users.admin!, new Date(Date.now() + 61_000))).status).toBe('done');
	});
});
