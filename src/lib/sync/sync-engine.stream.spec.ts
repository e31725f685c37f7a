import { beforeEach, describe, expect, it } from 'vitest';
import { caseChildDocId, caseDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { dropKeys } from '../crypto/keyring.js';
import { pagesHere } from './pull-stream.js';
import type { SyncTransport } from './sync-transport.js';
import { inProcessWorker, preparedPull, type BodyOptions } from './testing/memory-worker.js';
import { workerPageReader } from './worker-pages.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-sync-stream';
const CASE = 'case-0001-abcd';

/** A case and four notes on the server: five records, three pages of two. */
function fillServer(f: SyncFixture): void {
	f.server.put(caseDocId(CASE), exampleRecords.case(), CASE);
	for (let i = 1; i <= 4; i++) f.server.put(caseChildDocId(CASE, 'case-note', `note-000${i}-abcd`), exampleWith('case-note', (n) => (n.id = `note-000${i}-abcd`)), CASE);
}

describe('sync engine: a streamed pull', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	it('loads a caseload from one answer, storing it page by page with progress', async () => {
		fillServer(f);
		expect(await f.engine({ pageLimit: 2 }).sync()).toMatchObject({ status: 'synced' });
		expect(f.server.calls.pullStream).toBe(1);
		expect(await f.db().records.count()).toBe(5);
		expect(f.progress).toEqual([{ done: 2, total: 5 }, { done: 2, total: 3 }, { done: 1, total: 1 }]);
		expect(await f.repo().get(caseDocId(CASE))).toEqual(exampleRecords.case());
	});

	it('keeps the pages stored before the answer was cut off, and the next round loads only the rest', async () => {
		fillServer(f);
		let pages = 0;
		f.server.faults.beforePullAnswer = () => void (++pages === 1 && (f.server.faults.failPull = 1));
		const engine = f.engine({ pageLimit: 2 });
		expect(await engine.sync()).toMatchObject({ status: 'offline' });
		expect(await f.db().records.count()).toBe(2);
		expect(await engine.sync()).toMatchObject({ status: 'synced' });
		expect(await f.db().records.count()).toBe(5);
		// The second round starts from the stored checkpoint: three records left, not five.
		expect(f.progress).toEqual([{ done: 2, total: 5 }, { done: 2, total: 3 }, { done: 1, total: 1 }]);
	});

	it('asks again from the stored checkpoints when an answer ends early between pages', async () => {
		fillServer(f);
		const inner = f.server.transport;
		let answers = 0;
		// The first answer ends cleanly after one page, as a proxy closing a long response would.
		const transport: SyncTransport = {
			...inner,
			pullStream: (request, onPage) =>
				++answers > 1
					? inner.pullStream!(request, onPage)
					: inner.pull(request).then(async (a) => (a.ok ? (await onPage(a.value), { ok: true as const, value: { pages: 1, done: false } }) : a))
		};
		expect(await f.engine({ pageLimit: 2, transport }).sync()).toMatchObject({ status: 'synced' });
		expect(answers).toBe(2);
		expect(await f.db().records.count()).toBe(5);
	});

	it('pulls page by page from a server without the streamed pull', async () => {
		fillServer(f);
		f.server.state.streams = false;
		expect(await f.engine({ pageLimit: 2 }).sync()).toMatchObject({ status: 'synced' });
		expect(f.server.calls.pull).toBe(3);
		expect(await f.db().records.count()).toBe(5);
		expect(f.progress.at(-1)).toEqual({ done: 1, total: 1 });
	});

	describe('with pages prepared in the page worker', () => {
		const workerTransport = (worker = inProcessWorker().worker, body: BodyOptions = {}) => {
			const store = f.store();
			const reader = workerPageReader({ userId: USER, makeWorker: () => worker, inThread: pagesHere((page, context) => store.preparePage(page, context.heldCases)) });
			return preparedPull(f.server.transport, reader, body);
		};

		it('loads a caseload from one answer, storing it page by page with progress', async () => {
			fillServer(f);
			expect(await f.engine({ pageLimit: 2, transport: workerTransport() }).sync()).toMatchObject({ status: 'synced' });
			expect(await f.db().records.count()).toBe(5);
			expect(f.progress).toEqual([{ done: 2, total: 5 }, { done: 2, total: 3 }, { done: 1, total: 1 }]);
			expect(await f.repo().get(caseDocId(CASE))).toEqual(exampleRecords.case());
			expect(await f.repo().get(caseChildDocId(CASE, 'case-note', 'note-0004-abcd'))).toMatchObject({ id: 'note-0004-abcd' });
		});

		it("prepares a catch-up's few records on the page, leaving the worker to caseloads", async () => {
			fillServer(f);
			const { worker, state } = inProcessWorker();
			const engine = f.engine({ pageLimit: 2, transport: workerTransport(worker) });
			expect(await engine.sync()).toMatchObject({ status: 'synced' });
			f.server.put(caseChildDocId(CASE, 'case-note', 'note-0005-abcd'), exampleWith('case-note', (n) => (n.id = 'note-0005-abcd')), CASE);
			expect(await engine.sync()).toMatchObject({ status: 'synced' });
			expect(await f.repo().get(caseChildDocId(CASE, 'case-note', 'note-0005-abcd'))).toMatchObject({ id: 'note-0005-abcd' });
			expect(state.started).toBe(1);
		});

		it('stops as locked when the vault locks part-way, keeping the pages committed before', async () => {
			fillServer(f);
			const { worker, state } = inProcessWorker();
			let lock = () => undefined as void;
			// The second page arrives after the first is committed and the vault locked.
			const open = new Promise<void>((resolve) => (lock = () => (dropKeys(), resolve())));
			const engine = f.engine({ pageLimit: 2, transport: workerTransport(worker, { gate: { at: 1, open } }), onProgress: () => lock() });
			expect(await engine.sync()).toEqual({ status: 'locked' });
			expect(state.terminated).toBe(true);
			expect(await f.db().records.count()).toBe(2);
		});
	});
});
