import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caseRows } from '../db/case-rows.js';
import { dumpAsText, dumpIndexedDb } from '../db/testing.js';
import { caseChildDocId, caseDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-sync-engine';
const CASE = 'case-0001-abcd';
const NOTE_DOC = caseChildDocId(CASE, 'case-note', 'note-0001-abcd');
const LETTER_DOC = caseChildDocId(CASE, 'letter', 'letter-0001-abcd');

describe('sync engine: push', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));
	afterEach(() => vi.restoreAllMocks());

	it('pushes a saved note, empties the outbox and records the revision the server made', async () => {
		await f.repo().save(exampleRecords['case-note']());
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1, rejected: 0 });
		expect(await f.db().outbox.count()).toBe(0);
		const copy = (await f.store().serverCopies([NOTE_DOC])).get(NOTE_DOC);
		expect(copy?.rev).toBe(f.server.get(NOTE_DOC)?.rev);
		expect(f.server.get(NOTE_DOC)?.record).toEqual(exampleRecords['case-note']());
	});

	it('applies a change once when the answer to its push was lost and the batch is sent again', async () => {
		await f.repo().save(exampleRecords.letter());
		f.server.faults.dropPushResponse = 1;
		expect(await f.engine().sync()).toMatchObject({ status: 'offline' });
		expect(await f.db().outbox.count()).toBe(1);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(f.server.calls.push).toBe(2);
		expect(f.server.calls.mutationsApplied).toBe(1);
		expect(f.server.get(LETTER_DOC)?.rev).toMatch(/^1-/);
		expect(await f.db().outbox.count()).toBe(0);
	});

	it('leaves the outbox untouched when storing the new revision fails, because both commit together', async () => {
		await f.repo().save(exampleRecords.letter());
		const table = f.db().synced;
		const bulkPut = table.bulkPut.bind(table);
		table.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof table.bulkPut;
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(await f.engine().sync()).toMatchObject({ status: 'failed' });
		expect(await f.db().outbox.count()).toBe(1);
		expect(await f.db().synced.count()).toBe(0);
		table.bulkPut = bulkPut;
		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
		expect(await f.db().outbox.count()).toBe(0);
		expect((await f.store().serverCopies([LETTER_DOC])).get(LETTER_DOC)?.rev).toBe(f.server.get(LETTER_DOC)?.rev);
		expect(f.server.calls.mutationsApplied).toBe(1);
	});

	it('keeps a refused change in the outbox with the reason, pushes the rest, and does not resend it', async () => {
		await f.repo().save(exampleRecords['case-note']());
		await f.engine().sync();
		await f.repo().save(exampleWith('case-note', (note) => (note.text = 'Changed after the fact.')));
		await f.repo().save(exampleRecords.letter());
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 2, rejected: 1 });
		expect(await f.db().outbox.count()).toBe(1);
		expect(await f.store().rejections()).toEqual([expect.objectContaining({ docId: NOTE_DOC, caseId: CASE, code: 'immutable-field-changed' })]);
		const pushes = f.server.calls.push;
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 0 });
		expect(f.server.calls.push).toBe(pushes);
		expect(await f.db().outbox.count()).toBe(1);
	});

	it('pushes the other changes when one outbox entry will not open, and keeps the damaged one', async () => {
		const enc = { iv: crypto.getRandomValues(new Uint8Array(12)), data: crypto.getRandomValues(new Uint8Array(64)).buffer };
		await f.db().outbox.add({ mutationId: 'damaged-0001', docId: NOTE_DOC, type: 'case-note', caseId: CASE, op: 'put', at: '2026-10-01T08:00:00.000Z', enc });
		await f.repo().save(exampleRecords.letter());
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(f.server.get(LETTER_DOC)).toBeDefined();
		expect((await f.db().outbox.toArray()).map((row) => row.mutationId)).toEqual(['damaged-0001']);
	});

	it('stores the merged record and its conflict when a colleague changed the same field', async () => {
		await f.repo().save(exampleRecords.letter());
		await f.engine().sync();
		const stored = f.server.get(LETTER_DOC)!;
		f.server.put(LETTER_DOC, { ...stored.record, body: 'The office version.' }, CASE);
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'The prison version.')));
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		const copy = (await f.store().serverCopies([LETTER_DOC])).get(LETTER_DOC)!;
		expect(copy.conflicts).toHaveLength(1);
		expect(copy.conflicts[0]!.values.map((kept) => kept.value)).toEqual(expect.arrayContaining(['The office version.', 'The prison version.']));
		expect(await f.repo().get(LETTER_DOC)).toEqual(f.server.get(LETTER_DOC)!.record);
		expect(await f.db().outbox.count()).toBe(0);
	});
	it('sends two edits of one record in order, each diffed from the one before, and the server ends with the last', async () => {
		await f.repo().save(exampleRecords.letter());
		await f.engine().sync();
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'First rewrite.')));
		await f.repo().save(exampleWith('letter', (letter) => ((letter.body = 'Second rewrite.'), (letter.updatedAt = '2026-10-02T09:00:00.000Z'))));
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 2, rejected: 0 });
		expect(f.server.get(LETTER_DOC)?.record).toMatchObject({ body: 'Second rewrite.', updatedAt: '2026-10-02T09:00:00.000Z' });
		expect(f.server.get(LETTER_DOC)?.conflicts).toEqual([]);
		expect(await f.repo().get(LETTER_DOC)).toEqual(f.server.get(LETTER_DOC)?.record);
	});

	it('keeps server copies, conflicts and refusal reasons encrypted at rest', async () => {
		await f.repo().save(exampleRecords.letter());
		await f.engine().sync();
		f.server.put(LETTER_DOC, { ...f.server.get(LETTER_DOC)!.record, body: 'The office version.' }, CASE);
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'The prison version.')));
		await f.engine().sync();
		const disk = dumpAsText(await dumpIndexedDb());
		for (const secret of ['The office version.', 'The prison version.', 'I want to say that I am sorry.']) expect(disk).not.toContain(secret);
	});
});

describe('sync engine: pull and purge', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	it('loads a caseload in pages with progress, and resumes after the last stored page when interrupted', async () => {
		f.server.put(caseDocId(CASE), exampleRecords.case(), CASE);
		for (let i = 1; i <= 4; i++) f.server.put(caseChildDocId(CASE, 'case-note', `note-000${i}-abcd`), exampleWith('case-note', (n) => (n.id = `note-000${i}-abcd`)), CASE);
		let pulls = 0;
		// The first page arrives; the connection drops on the way to the second.
		f.server.faults.beforePullAnswer = () => void (++pulls === 1 && (f.server.faults.failPull = 1));
		const engine = f.engine({ pageLimit: 2 });
		expect(await engine.sync()).toMatchObject({ status: 'offline' });
		expect(await f.db().records.count()).toBe(2);
		expect(f.progress).toEqual([{ done: 2, total: 5 }]);
		expect(await engine.sync()).toMatchObject({ status: 'synced' });
		expect(await f.db().records.count()).toBe(5);
		expect(f.progress.slice(1)).toEqual([{ done: 2, total: 3 }, { done: 1, total: 1 }]);
		expect(await f.repo().get(caseDocId(CASE))).toEqual(exampleRecords.case());
	});

	it('purges an unassigned case only once its unsynced changes reached the server', async () => {
		f.server.put(caseDocId(CASE), exampleRecords.case(), CASE);
		await f.engine().sync();
		f.server.unassign(CASE);
		// A note saved while the pull is out, and the connection gone before it can be pushed.
		f.server.faults.beforePullAnswer = async () => {
			f.server.faults.beforePullAnswer = undefined;
			await f.repo().save(exampleRecords['case-note']());
			f.server.state.reachable = false;
		};
		expect(await f.engine().sync()).toMatchObject({ status: 'offline' });
		expect(await caseRows(f.db().records, CASE)).toHaveLength(2);
		expect(await f.db().outbox.count()).toBe(1);
		f.server.state.reachable = true;
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', purged: [CASE] });
		expect(await f.db().records.count()).toBe(0);
		expect(await f.db().checkpoints.count()).toBe(0);
		expect(await f.db().outbox.count()).toBe(0);
		expect(f.server.get(NOTE_DOC)).toBeUndefined();
	});

	it('goes back to what the server holds after its changes were filed, when the case comes back before it was purged', async () => {
		const CASE_DOC = caseDocId(CASE);
		f.server.put(CASE_DOC, exampleRecords.case(), CASE);
		await f.engine().sync();
		f.server.unassign(CASE);
		// Made while the facilitator was off the case: a new note, and a change to the case.
		await f.repo().save(exampleRecords['case-note']());
		await f.repo().save({ ...exampleRecords.case(), reference: 'RJ-2026-9999' });
		// Both are filed; the answer to the pull that would purge the case is lost.
		f.server.faults.failPull = 1;
		expect(await f.engine().sync()).toMatchObject({ status: 'offline' });
		expect(await f.db().outbox.count()).toBe(0);
		f.server.assign(CASE);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', purged: [] });
		expect(await f.repo().get(NOTE_DOC)).toBeUndefined();
		expect(await f.repo().get(CASE_DOC)).toEqual(f.server.get(CASE_DOC)?.record);
	});
});
