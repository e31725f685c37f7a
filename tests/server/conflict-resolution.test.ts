import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import type { SimDevice, SimDeviceModule, SimNetwork } from '../chaos/sim-device-types.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, participant, pull, push, type Tablet } from './sync-support.js';

const CASE = 'case-resolve-0001';
const ID = 'participant-resolve-1';
const DOC = caseChildDocId(CASE, 'participant', ID);

let env: InProcess;
let net: SimNetwork;
let tablet: SimDevice;
let office: Tablet;
const users: Record<string, string> = {};

beforeAll(async () => {
	env = await startInProcess();
	await env.app.listen({ port: 0, host: '127.0.0.1' });
	const baseUrl = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
	users.coord = await addUser(env.services, 'coord', ['coordinator']);
	users.fac = await addUser(env.services, 'fac', ['facilitator']);
	await addCase(env.services, CASE, 'RJ-2026-0701', users.coord, [users.fac]);
	office = { deviceId: 'office-pc-0001', cookie: await signIn(env.app, 'coord', { id: 'office-pc-0001', label: 'Office' }) };
	// Loaded at run time: the helper is device code, type-checked with the app (see sim-device-types.ts).
	const helper = '../support/sim-device.ts';
	const { simNetwork } = (await import(/* @vite-ignore */ helper)) as SimDeviceModule;
	net = simNetwork(baseUrl);
	const cookie = await signIn(env.app, 'fac', { id: 'fac-tablet-0001', label: 'Tablet' });
	tablet = await net.device({ userId: users.fac, deviceId: 'fac-tablet-0001', cookie });
}, 60_000);
afterAll(async () => {
	net?.restore();
	await env?.stop();
});

/** The office changes the participant's preferred name on the server, from the revision it holds now. */
async function officeSets(preferredName: string): Promise<void> {
	const { body } = await pull(env.app, office, { cases: [{ caseId: CASE }] });
	const held = body.records.find((r) => r.docId === DOC)!;
	const answer = await push(env.app, office, [mutationOf(office, held.record, { ...held.record, preferredName }, held.rev)]);
	expect(answer.body.results[0]?.status).toMatch(/applied|merged/);
}

const serverValues = async () => {
	const { body } = await pull(env.app, office, { cases: [{ caseId: CASE }] });
	const held = body.records.find((r) => r.docId === DOC)!;
	return { preferredName: held.record.preferredName, conflicts: held.conflicts.map((c) => ({ path: c.path, values: c.values.map((v) => v.value).sort() })) };
};

describe('a conflict decided on a tablet', () => {
	it('clears on the server, is audited as a decision, and a value that arrived meanwhile stays in conflict', async () => {
		const at = (minute: number) => `2026-11-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
		expect((await tablet.save(participant(CASE, ID, { createdBy: users.fac }), at(0), 'mutation-create-0001')).ok).toBe(true);
		expect(await tablet.sync()).toMatchObject({ status: 'synced', pushed: 1 });

		// Offline in a prison, the facilitator changes the preferred name; the office changes it too.
		tablet.online = false;
		const working = (await tablet.read(DOC))!;
		await tablet.save({ ...working, preferredName: 'Sammy', updatedAt: at(1) }, at(1), 'mutation-edit-00001');
		await officeSets('Samuel');
		tablet.online = true;
		expect(await tablet.sync()).toMatchObject({ status: 'synced' });
		const [held] = await tablet.conflicts(CASE);
		expect(held?.conflicts.map((c) => [c.path, c.values.map((v) => v.value).sort()])).toEqual([[['preferredName'], ['Sammy', 'Samuel']]]);
		const mine = held!.conflicts[0]!.values.find((v) => v.value === 'Sammy');
		expect(mine?.origin).toMatchObject({ userId: users.fac, name: 'Test fac', deviceId: 'fac-tablet-0001', at: at(1) });

		// The facilitator chooses the office's value offline; before the choice reaches the server, the office writes a third.
		tablet.online = false;
		const pick = held!.conflicts[0]!.values.findIndex((v) => v.value === 'Samuel');
		expect(await tablet.resolve(DOC, ['preferredName'], { pick })).toEqual({ ok: true });
		expect(await tablet.conflicts(CASE)).toEqual([]);
		await officeSets('Sam E.');
		tablet.online = true;
		expect(await tablet.sync()).toMatchObject({ status: 'synced', pushed: 1 });

		// The values the person saw are settled; the one they never saw is kept beside their choice.
		expect(await serverValues()).toEqual({ preferredName: 'Samuel', conflicts: [{ path: ['preferredName'], values: ['Sam E.', 'Samuel'] }] });
		const [again] = await tablet.conflicts(CASE);
		expect(again?.conflicts.map((c) => c.values.map((v) => v.value).sort())).toEqual([['Sam E.', 'Samuel']]);
		const audit = await env.services.audit.forCase(CASE);
		expect(audit.filter((line) => line.resolved)).toEqual([
			expect.objectContaining({ action: 'change', recordId: ID, userId: users.fac, deviceId: 'fac-tablet-0001', resolved: [['preferredName']], source: 'offline-report' })
		]);

		// The second decision, with every value seen, clears the conflict for good.
		const last = again!.conflicts[0]!.values.findIndex((v) => v.value === 'Sam E.');
		expect(await tablet.resolve(DOC, ['preferredName'], { pick: last })).toEqual({ ok: true });
		expect(await tablet.sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(await serverValues()).toEqual({ preferredName: 'Sam E.', conflicts: [] });
		expect(await tablet.conflicts(CASE)).toEqual([]);
		expect(await tablet.read(DOC)).toMatchObject({ preferredName: 'Sam E.' });
	});
});
