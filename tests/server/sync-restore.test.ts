import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import type { SimDevice, SimDeviceModule, SimNetwork } from '../chaos/sim-device-types.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { participant } from './sync-support.js';

const CASE = 'case-restore-0001';
const [KEPT, EDITED] = ['participant-restore-1', 'participant-restore-2'];
const docOf = (id: string) => caseChildDocId(CASE, 'participant', id);
const at = (minute: number) => `2026-11-03T10:${String(minute).padStart(2, '0')}:00.000Z`;

let env: InProcess;
let net: SimNetwork;
let tablet: SimDevice;
let fac = '';

beforeAll(async () => {
	env = await startInProcess();
	await env.app.listen({ port: 0, host: '127.0.0.1' });
	const baseUrl = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
	const coord = await addUser(env.services, 'coord', ['coordinator']);
	fac = await addUser(env.services, 'fac', ['facilitator']);
	await addCase(env.services, CASE, 'RJ-2026-0801', coord, [fac]);
	// Loaded at run time: the helper is device code, type-checked with the app (see sim-device-types.ts).
	const helper = '../support/sim-device.ts';
	const { simNetwork } = (await import(/* @vite-ignore */ helper)) as SimDeviceModule;
	net = simNetwork(baseUrl);
	tablet = await net.device({ userId: fac, deviceId: 'fac-tablet-0008', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0008', label: 'Tablet' }) });
}, 60_000);
afterAll(async () => {
	net?.restore();
	await env?.stop();
});

type Doc = Record<string, unknown> & { _id: string; _rev: string };

/** A backup as replication makes one: every document of the records database with its revision history. */
async function backup(): Promise<Doc[]> {
	const db = env.services.couch.dbs.records;
	const { rows } = await db.list();
	return Promise.all(rows.map(async (row) => (await db.get(row.id, { revs: true })) as Doc));
}

/** Restored by replication into an empty database: the backup's revisions come back, whatever was written since is gone. */
async function restore(docs: Doc[]): Promise<void> {
	const { server, names, dbs } = env.services.couch;
	await server.db.destroy(names.records);
	await server.db.create(names.records);
	await dbs.records.bulk({ docs, new_edits: false });
}

async function onServer(id: string): Promise<{ rev: string; record: Record<string, unknown> }> {
	const { _id, _rev, ...record } = (await env.services.couch.dbs.records.get(docOf(id))) as Doc;
	return { rev: _rev, record };
}

describe('a server restored from a backup', () => {
	it('brings the tablet back to the restored records, and merges its unsynced edit into them with both values kept', async () => {
		for (const id of [KEPT, EDITED]) await tablet.save(participant(CASE, id, { createdBy: fac, updatedAt: at(0) }), at(0), `mutation-make-${id}`);
		expect(await tablet.sync()).toMatchObject({ status: 'synced', pushed: 2 });
		const saved = await backup();
		for (const id of [KEPT, EDITED]) await tablet.save({ ...(await tablet.read(docOf(id)))!, preferredName: 'Sammy', updatedAt: at(1) }, at(1), `mutation-name-${id}`);
		expect(await tablet.sync()).toMatchObject({ status: 'synced', pushed: 2 });
		expect((await onServer(KEPT)).rev).toMatch(/^2-/);

		await restore(saved);
		// Made before the tablet hears of the restore, on the copy the server no longer has.
		await tablet.save({ ...(await tablet.read(docOf(EDITED)))!, preferredName: 'Sammo', language: 'Welsh', updatedAt: at(2) }, at(2), 'mutation-after-restore');
		expect(await tablet.sync()).toMatchObject({ status: 'synced', pushed: 1 });

		const kept = await onServer(KEPT);
		expect(kept).toMatchObject({ rev: expect.stringMatching(/^1-/), record: { preferredName: 'Sam' } });
		const edited = await onServer(EDITED);
		expect(edited.record).toMatchObject({ preferredName: 'Sam', language: 'Welsh' });
		const [conflicts] = await tablet.conflicts(CASE);
		expect(conflicts?.conflicts.map((c) => [c.path, c.values.map((v) => v.value).sort()])).toEqual([[['preferredName'], ['Sam', 'Sammo']]]);
		const held = new Map((await tablet.recordsOfType('participant')).map((r) => [r.docId, r]));
		for (const [id, server] of [[KEPT, kept], [EDITED, edited]] as const) {
			expect(held.get(docOf(id))?.record).toEqual(server.record);
			expect(held.get(docOf(id))?.copy?.rev).toBe(server.rev);
		}
		expect((await tablet.snapshot()).outbox).toBe(0);
	});
});
