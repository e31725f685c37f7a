import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { sealRecordRow } from '../db/record-repository.js';
import { USER_DB_VERSIONS } from '../db/user-db-schema.js';
import { deleteUserDb, userDbName, type UserDb } from '../db/user-db.js';
import { caseChildDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { parseRecord } from '../domain/records.js';
import { sealCopy } from './server-copy.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-one-row';
const CASE = 'case-0001-abcd';
const NOTE_DOC = caseChildDocId(CASE, 'case-note', 'note-0001-abcd');
const LETTER_DOC = caseChildDocId(CASE, 'letter', 'letter-0001-abcd');

const rowCounts = async (f: SyncFixture) => ({ records: await f.db().records.count(), synced: await f.db().synced.count() });

describe('one row per pulled record', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	it('stores a record pulled as the server has it in one row that is both the working and the server copy', async () => {
		const rev = f.server.put(NOTE_DOC, exampleRecords['case-note'](), CASE);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
		expect(await rowCounts(f)).toEqual({ records: 1, synced: 0 });
		expect((await f.db().records.get(NOTE_DOC))?.copy).toBe(true);
		expect(await f.repo().get(NOTE_DOC)).toEqual(exampleRecords['case-note']());
		expect((await f.store().serverCopies([NOTE_DOC])).get(NOTE_DOC)?.rev).toBe(rev);
	});

	it('keeps the server copy aside at the first edit, so the push sends only what the person changed', async () => {
		f.server.put(LETTER_DOC, exampleRecords.letter(), CASE);
		await f.engine().sync();
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'Written on the tablet.')));
		expect(await rowCounts(f)).toEqual({ records: 1, synced: 1 });
		// A colleague changes another field meanwhile; the push must not put it back.
		f.server.put(LETTER_DOC, { ...f.server.get(LETTER_DOC)!.record, reviewNote: 'Changed in the office' }, CASE);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(f.server.get(LETTER_DOC)?.record).toMatchObject({ body: 'Written on the tablet.', reviewNote: 'Changed in the office' });
		expect(f.server.get(LETTER_DOC)?.conflicts).toEqual([]);
		expect(await f.repo().get(LETTER_DOC)).toMatchObject({ body: 'Written on the tablet.', reviewNote: 'Changed in the office' });
	});

	it('holds a pushed edit in one row once the server has answered, before any pull', async () => {
		f.server.put(LETTER_DOC, exampleRecords.letter(), CASE);
		await f.engine().sync();
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'Written on the tablet.')));
		const offline = { ok: false as const, kind: 'offline' as const, message: 'No answer.' };
		const transport = { push: f.server.transport.push, pull: async () => offline, pullStream: async () => offline };
		expect(await f.engine({ transport }).sync()).toMatchObject({ status: 'offline' });
		expect(await rowCounts(f)).toEqual({ records: 1, synced: 0 });
		expect((await f.db().records.get(LETTER_DOC))?.copy).toBe(true);
		expect(await f.repo().get(LETTER_DOC)).toMatchObject({ body: 'Written on the tablet.' });
		expect((await f.store().serverCopies([LETTER_DOC])).get(LETTER_DOC)?.rev).toBe(f.server.get(LETTER_DOC)?.rev);
	});

	it('shows an edit saved while the push was out, never the pushed version, and sends it next', async () => {
		f.server.put(LETTER_DOC, exampleRecords.letter(), CASE);
		await f.engine().sync();
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'First draft.')));
		const shown: unknown[] = [];
		const push: typeof f.server.transport.push = async (request) => {
			shown.push(((await f.repo().get(LETTER_DOC)) as { body?: string } | undefined)?.body);
			const answer = await f.server.transport.push(request);
			if (shown.length === 1) await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'Second draft.')));
			return answer;
		};
		expect(await f.engine({ transport: { ...f.server.transport, push } }).sync()).toMatchObject({ status: 'synced', pushed: 2 });
		expect(shown).toEqual(['First draft.', 'Second draft.']);
		expect(f.server.get(LETTER_DOC)?.record).toMatchObject({ body: 'Second draft.' });
		expect(await f.repo().get(LETTER_DOC)).toMatchObject({ body: 'Second draft.' });
		expect(await rowCounts(f)).toEqual({ records: 1, synced: 0 });
	});

	it('keeps the working copy and the server copy apart while the server holds conflicts on the record', async () => {
		f.server.put(LETTER_DOC, exampleRecords.letter(), CASE);
		await f.engine().sync();
		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'The prison version.')));
		f.server.put(LETTER_DOC, { ...f.server.get(LETTER_DOC)!.record, body: 'The office version.' }, CASE);
		await f.engine().sync();
		expect(f.server.get(LETTER_DOC)?.conflicts).toHaveLength(1);
		// A fresh device pulls the record with its conflicts: two rows.
		await deleteUserDb(USER);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
		expect(await rowCounts(f)).toEqual({ records: 1, synced: 1 });
		expect((await f.db().records.get(LETTER_DOC))?.copy).toBeUndefined();
		expect((await f.store().serverCopies([LETTER_DOC])).get(LETTER_DOC)?.conflicts).toHaveLength(1);
	});
});

/** Writes what a v4 app left after a pull: each record sealed alone, its server copy in `synced`. */
async function writeV4(f: SyncFixture, docs: string[]): Promise<void> {
	const v4 = new Dexie(userDbName(USER));
	v4.version(4).stores(USER_DB_VERSIONS[3].stores);
	const sealer = { userId: USER } as UserDb;
	for (const docId of docs) {
		const held = f.server.get(docId)!;
		const parsed = parseRecord(held.record);
		if (!parsed.ok) throw new Error(`fixture ${docId} is not valid`);
		await v4.table('records').put(await sealRecordRow(sealer, parsed.value));
		await v4.table('synced').put(await sealCopy(sealer, docId, CASE, { rev: held.rev, record: held.record, conflicts: [] }));
	}
	await v4.table('checkpoints').put({ key: `case:${CASE}`, caseId: CASE, checkpoint: '0' });
	v4.close();
}

describe('opening a v4 device store in this build', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	it('keeps every record and its server copy, pushes an edit against that copy, and a later pull leaves one row', async () => {
		const noteRev = f.server.put(NOTE_DOC, exampleRecords['case-note'](), CASE);
		f.server.put(LETTER_DOC, exampleRecords.letter(), CASE);
		await writeV4(f, [NOTE_DOC, LETTER_DOC]);

		// Opened by this build: v5's one-row form and every later version.
		expect(f.db().verno).toBe(USER_DB_VERSIONS.at(-1)!.version);
		expect(await f.repo().get(NOTE_DOC)).toEqual(exampleRecords['case-note']());
		expect(await f.repo().get(LETTER_DOC)).toEqual(exampleRecords.letter());
		expect((await f.store().serverCopies([NOTE_DOC])).get(NOTE_DOC)?.rev).toBe(noteRev);

		await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'Edited after the upgrade.')));
		f.server.put(NOTE_DOC, exampleWith('case-note', (note) => (note.text = 'Changed in the office.')), CASE);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(f.server.get(LETTER_DOC)?.record).toEqual(exampleWith('letter', (letter) => (letter.body = 'Edited after the upgrade.')));
		expect(await f.repo().get(NOTE_DOC)).toMatchObject({ text: 'Changed in the office.' });
		expect((await f.db().records.get(NOTE_DOC))?.copy).toBe(true);
		expect(await f.db().synced.get(NOTE_DOC)).toBeUndefined();
		expect((await f.store().serverCopies([NOTE_DOC, LETTER_DOC])).size).toBe(2);
	});
});
