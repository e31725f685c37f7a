import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys, LockedError } from '../crypto/keyring.js';
import { openRecordRow } from '../db/held-copy.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { caseChildDocId, caseDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import type { PullResponse } from '../protocol/sync-pull.js';
import type { PreparedPage } from './page-prep.js';
import { pagesHere } from './pull-stream.js';
import { syncStore } from './sync-store.js';
import { inProcessWorker, pageBody } from './testing/memory-worker.js';
import { workerPageReader } from './worker-pages.js';

const USER = 'u-page-worker';
const CASE = 'case-0001-abcd';
const note = (n: number) => exampleWith('case-note', (r) => Object.assign(r, { id: `note-000${n}-abcd`, caseId: CASE }));

/** Three pages: the case, then two notes a page; the last says the pull is done. */
function pages(): PullResponse[] {
	const records = [{ docId: caseDocId(CASE), record: exampleRecords.case() }, ...[1, 2, 3, 4].map((n) => ({ docId: caseChildDocId(CASE, 'case-note', `note-000${n}-abcd`), record: note(n) }))];
	const slices = [records.slice(0, 1), records.slice(1, 3), records.slice(3)];
	return slices.map((slice, i) => ({
		records: slice.map(({ docId, record }) => ({ docId, caseId: CASE, rev: '1-a', record: record as Record<string, unknown>, conflicts: [] })),
		deletions: [],
		purges: [],
		checkpoints: { cases: { [CASE]: `v1.page${i}` } },
		done: i === slices.length - 1,
		progress: { done: i + 1, total: 3 },
		serverTime: '2026-11-01T10:00:00.000Z'
	}));
}

describe('a streamed pull read through the page worker', () => {
	const store = () => syncStore(userDb(USER));
	const here = () => pagesHere((page, context) => store().preparePage(page, context.heldCases));
	const readerWith = (worker: ReturnType<typeof inProcessWorker>['worker']) => workerPageReader({ userId: USER, makeWorker: () => worker, inThread: here() });
	const opened = (prepared: PreparedPage[]) => Promise.all(prepared.flatMap((p) => p.valid.map(async (row) => ({ docId: row.docId, record: await openRecordRow(userDb(USER), row.record) }))));

	beforeEach(() => unlockForTest(USER));
	afterEach(async () => {
		dropKeys();
		await deleteUserDb(USER);
	});

	it('hands over every page in order, checked and sealed as the page itself would', async () => {
		const { worker } = inProcessWorker();
		const inWorker: PreparedPage[] = [];
		const onPage: PreparedPage[] = [];
		const answer = await readerWith(worker).read(pageBody(pages()), {}, async (p) => void inWorker.push(p));
		await here().read(pageBody(pages()), {}, async (p) => void onPage.push(p));
		expect(answer).toEqual({ pages: 3, done: true });
		expect(inWorker.map((p) => [p.page.progress.done, p.ids, p.checkpoints])).toEqual(onPage.map((p) => [p.page.progress.done, p.ids, p.checkpoints]));
		expect(await opened(inWorker)).toEqual(await opened(onPage));
		expect((await opened(inWorker)).map((r) => r.record.id)).toEqual(['case-0001-abcd', 'note-0001-abcd', 'note-0002-abcd', 'note-0003-abcd', 'note-0004-abcd']);
	});

	it('stops as locked, and ends the worker, when the vault locks part-way', async () => {
		const { worker, state } = inProcessWorker();
		const seen: number[] = [];
		const reading = readerWith(worker).read(pageBody(pages()), {}, async (p) => {
			seen.push(p.page.progress.done);
			dropKeys();
		});
		await expect(reading).rejects.toBeInstanceOf(LockedError);
		expect(seen).toEqual([1]);
		expect(state.terminated).toBe(true);
	});

	it('does not start a pull while the vault is locked', async () => {
		const { worker, state } = inProcessWorker();
		dropKeys();
		await expect(readerWith(worker).read(pageBody(pages()), {}, async () => undefined)).rejects.toBeInstanceOf(LockedError);
		expect(state.started).toBe(0);
	});

	it('stops at a page this app does not understand, keeping the pages handed over before it', async () => {
		const { worker } = inProcessWorker();
		const seen: number[] = [];
		await expect(readerWith(worker).read(pageBody(pages(), { garbled: 1 }), {}, async (p) => void seen.push(p.page.progress.done))).rejects.toThrow('does not understand');
		expect(seen).toEqual([1]);
	});

	it('passes a connection dropped part-way on to the pull as a dropped connection', async () => {
		const { worker } = inProcessWorker();
		const seen: number[] = [];
		await expect(readerWith(worker).read(pageBody(pages(), { cut: 2 }), {}, async (p) => void seen.push(p.page.progress.done))).rejects.toBeInstanceOf(TypeError);
		expect(seen).toEqual([1, 2]);
	});

	it('prepares later pulls on the page once the worker has failed', async () => {
		const { worker, state } = inProcessWorker();
		const reader = readerWith(worker);
		worker.fail();
		await expect(reader.read(pageBody(pages()), {}, async () => undefined)).rejects.toThrow('page worker stopped');
		const seen: number[] = [];
		expect(await reader.read(pageBody(pages()), {}, async (p) => void seen.push(p.page.progress.done))).toEqual({ pages: 3, done: true });
		expect(seen).toEqual([1, 2, 3]);
		expect(state.started).toBe(1);
	});
});
