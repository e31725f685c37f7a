import { beforeEach, describe, expect, it } from 'vitest';
import { caseChildDocId, caseDocId } from '../domain/ids.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import type { SyncTransport } from './sync-transport.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-sync-overlap';
const CASE = 'case-0001-abcd';
const CASE_DOC = caseDocId(CASE);
const PERSON_DOC = caseChildDocId(CASE, 'participant', 'participant-pr-0001');

/** The server answers the pull first and only then takes the push that went out alongside it. */
function pullAnsweredFirst(f: SyncFixture): SyncTransport {
	const inner = f.server.transport;
	let answered!: () => void;
	const pullAnswered = new Promise<void>((resolve) => (answered = resolve));
	f.server.faults.beforePullAnswer = () => answered();
	return { ...inner, push: async (request) => (await pullAnswered, inner.push(request)) };
}

describe('sync engine: push and pull out together', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	it('keeps the merged record the push brought back when the pull was read on the server before the push landed', async () => {
		f.server.put(PERSON_DOC, exampleRecords.participant(), CASE);
		await f.engine().sync();
		// A colleague changes the preferred name in the office; this tablet changes the language offline.
		f.server.put(PERSON_DOC, { ...exampleRecords.participant(), preferredName: 'Sammy' }, CASE);
		await f.repo().save({ ...exampleRecords.participant(), language: 'Welsh' });

		expect(await f.engine({ transport: pullAnsweredFirst(f) }).sync()).toMatchObject({ status: 'synced', pushed: 1, rejected: 0 });
		const onServer = f.server.get(PERSON_DOC)!;
		expect(onServer.record).toMatchObject({ preferredName: 'Sammy', language: 'Welsh' });
		expect(await f.repo().get(PERSON_DOC)).toEqual(onServer.record);
		expect((await f.store().serverCopies([PERSON_DOC])).get(PERSON_DOC)?.rev).toBe(onServer.rev);
	});

	it('commits nothing pulled when the push fails, and loads it on the next round', async () => {
		f.server.put(CASE_DOC, exampleRecords.case(), CASE);
		await f.repo().save(exampleRecords['case-note']());
		f.server.faults.dropPushResponse = 1;
		expect(await f.engine().sync()).toMatchObject({ status: 'offline' });
		expect(await f.repo().get(CASE_DOC)).toBeUndefined();
		expect(await f.db().checkpoints.count()).toBe(0);

		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
		expect(await f.repo().get(CASE_DOC)).toEqual(exampleRecords.case());
		expect(await f.db().outbox.count()).toBe(0);
	});

	it('wipes the device when the access report says it was revoked, however far the pull got', async () => {
		f.server.put(CASE_DOC, exampleRecords.case(), CASE);
		let wiped = 0;
		const engine = f.engine({ reportAccess: async () => ({ ok: false, wipe: true }), wipe: async () => void wiped++ });
		expect(await engine.sync()).toEqual({ status: 'wiped' });
		expect(wiped).toBe(1);
	});

	it('sends no access report when the push fails, so the server does not count the tablet as synced', async () => {
		await f.repo().save(exampleRecords['case-note']());
		f.server.faults.dropPushResponse = 1;
		let reports = 0;
		const engine = f.engine({ reportAccess: async () => (reports++, { ok: true }) });
		expect(await engine.sync()).toMatchObject({ status: 'offline' });
		expect(reports).toBe(0);
		expect(await engine.sync()).toMatchObject({ status: 'synced' });
		expect(reports).toBe(1);
	});
});
