import { beforeEach, describe, expect, it } from 'vitest';
import { caseChildDocId, caseDocId } from '../domain/ids.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import type { PullRequest } from '../protocol/sync-pull.js';
import type { SyncStore } from './sync-store.js';
import type { SyncTransport } from './sync-transport.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-sync-overlap';
const CASE = 'case-0001-abcd';
const CASE_DOC = caseDocId(CASE);
const PERSON_DOC = caseChildDocId(CASE, 'participant', 'participant-pr-0001');

/** A push that takes a while on the wire, as on a tablet's link. */
const slowLink = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The real transport, noting when the push was answered and when a pull was asked for. */
function ordered(f: SyncFixture, events: string[]): SyncTransport {
	const inner = f.server.transport;
	const noted =
		<A extends unknown[], R>(before: string, call: (...args: A) => Promise<R>, after?: string) =>
		async (...args: A): Promise<R> => {
			events.push(before);
			const answer = await call(...args);
			if (after) events.push(after);
			return answer;
		};
	return { ...inner, push: noted('push asked', async (request) => (await slowLink(), inner.push(request)), 'push answered'), pull: noted('pull asked', inner.pull.bind(inner)), ...(inner.pullStream ? { pullStream: noted('pull asked', inner.pullStream.bind(inner)) } : {}) };
}

/** The device store, noting when a push settles and when a pulled page is stored; `settling` runs inside the settle. */
function noting(store: SyncStore, events: string[], settling: () => Promise<void> = async () => undefined): SyncStore {
	return {
		...store,
		settle: async (settlements) => {
			await settling();
			const oneRow = await store.settle(settlements);
			events.push('push settled');
			return oneRow;
		},
		commitPages: async (pages, settled) => {
			events.push('page stored');
			return store.commitPages(pages, settled);
		}
	};
}

describe('sync engine: one round of push, report and pull', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	it('asks for changes only once the push is answered, so the checkpoints it stores cover what the push stored', async () => {
		f.server.put(PERSON_DOC, exampleRecords.participant(), CASE);
		await f.engine().sync();
		f.server.put(PERSON_DOC, { ...exampleRecords.participant(), preferredName: 'Sammy' }, CASE);
		await f.repo().save({ ...exampleRecords.participant(), language: 'Welsh' });

		const events: string[] = [];
		expect(await f.engine({ transport: ordered(f, events) }).sync()).toMatchObject({ status: 'synced', pushed: 1, rejected: 0 });
		expect(events).toEqual(['push asked', 'push answered', 'pull asked']);
		const onServer = f.server.get(PERSON_DOC)!;
		expect(onServer.record).toMatchObject({ preferredName: 'Sammy', language: 'Welsh' });
		expect(await f.repo().get(PERSON_DOC)).toEqual(onServer.record);
		expect((await f.store().serverCopies([PERSON_DOC])).get(PERSON_DOC)?.rev).toBe(onServer.rev);
	});

	it('asks for changes as soon as the push is answered, while it settles on the tablet, and stores no page before it has settled', async () => {
		f.server.put(CASE_DOC, exampleRecords.case(), CASE);
		await f.repo().save({ ...exampleRecords.participant(), language: 'Welsh' });
		const events: string[] = [];
		let pullAsked = () => {};
		const asked = new Promise<void>((resolve) => (pullAsked = resolve));
		const transport = ordered(f, events);
		const watched: SyncTransport = { ...transport, pullStream: async (request, onPage) => (pullAsked(), transport.pullStream!(request, onPage)) };
		// The settle goes on once the pull is out (or after a while, where it never is).
		const store = noting(f.store(), events, () => Promise.race([asked, new Promise<void>((resolve) => setTimeout(resolve, 1_000))]));
		expect(await f.engine({ transport: watched, store }).sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(events).toEqual(['push asked', 'push answered', 'pull asked', 'push settled', 'page stored']);
		expect(await f.repo().get(PERSON_DOC)).toEqual(f.server.get(PERSON_DOC)!.record);
		expect((await f.store().serverCopies([PERSON_DOC])).get(PERSON_DOC)?.rev).toBe(f.server.get(PERSON_DOC)!.rev);
		expect(await f.db().outbox.count()).toBe(0);
	});

	it('stores nothing pulled when the push cannot settle on the tablet, and the next round finishes it with the change applied once', async () => {
		f.server.put(CASE_DOC, exampleRecords.case(), CASE);
		await f.repo().save({ ...exampleRecords.participant(), language: 'Welsh' });
		const events: string[] = [];
		const store = noting(f.store(), events, async () => {
			throw new Error('The tablet could not store the answer');
		});
		expect(await f.engine({ store }).sync()).toMatchObject({ status: 'failed' });
		expect(events).toEqual([]);
		expect(await f.db().checkpoints.count()).toBe(0);
		expect(await f.repo().get(CASE_DOC)).toBeUndefined();
		expect(await f.db().outbox.count()).toBe(1);

		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(f.server.calls.mutationsApplied).toBe(1);
		expect(await f.repo().get(CASE_DOC)).toEqual(exampleRecords.case());
		expect(await f.repo().get(PERSON_DOC)).toEqual(f.server.get(PERSON_DOC)!.record);
		expect(await f.db().outbox.count()).toBe(0);
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

	it('names the revisions its push stored in its question, so they do not come back, but not a change answered as a duplicate', async () => {
		f.server.put(CASE_DOC, exampleRecords.case(), CASE);
		f.server.put(PERSON_DOC, exampleRecords.participant(), CASE);
		await f.engine().sync();
		const asked: PullRequest[] = [];
		const inner = f.server.transport;
		const noting: SyncTransport = { ...inner, pull: (request) => (asked.push(request), inner.pull(request)), pullStream: (request, onPage) => (asked.push(request), inner.pullStream!(request, onPage)) };

		await f.repo().save({ ...exampleRecords.participant(), language: 'Welsh' });
		expect(await f.engine({ transport: noting }).sync()).toMatchObject({ status: 'synced', pushed: 1 });
		const held = asked[0]!.cases.find((c) => c.caseId === CASE)!;
		expect(held.holds).toEqual([{ docId: PERSON_DOC, rev: f.server.get(PERSON_DOC)!.rev }]);

		// The answer lost, the change sent again is a duplicate: the pull sends that revision, values and all.
		f.server.faults.dropPushResponse = 1;
		await f.repo().save({ ...exampleRecords.participant(), language: 'Polish' });
		expect(await f.engine({ transport: noting }).sync()).toMatchObject({ status: 'offline' });
		expect(await f.engine({ transport: noting }).sync()).toMatchObject({ status: 'synced' });
		expect(asked.at(-1)!.cases.find((c) => c.caseId === CASE)!.holds).toBeUndefined();
		expect(await f.repo().get(PERSON_DOC)).toMatchObject({ language: 'Polish' });
	});
});
