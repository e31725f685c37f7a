import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { guessRow } from './known-rows.js';
import { outbox } from './outbox.js';
import { recordRepository } from './record-repository.js';
import { unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

describe('record repository', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('saves a note and queues it for sync in the same commit', async () => {
		const db = userDb('u1');
		const saved = await recordRepository(db).save(exampleRecords['case-note']());
		expect(saved.ok).toBe(true);
		expect(await recordRepository(db).readCase('case-0001-abcd')).toEqual([exampleRecords['case-note']()]);
		const pending = await outbox(db).take(10);
		expect(pending.map((change) => change.record)).toEqual([exampleRecords['case-note']()]);
		expect((await outbox(db).summary()).count).toBe(1);
	});

	it('refuses an invalid note, names the field, and changes nothing', async () => {
		const db = userDb('u1');
		const saved = await recordRepository(db).save(exampleWith('case-note', (note) => (note.text = '   ')));
		expect(saved).toEqual({ ok: false, problems: [{ path: 'text', message: 'Write the note' }] });
		expect(await db.records.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('keeps neither the record nor its outbox entry when the outbox write fails', async () => {
		const db = userDb('u1');
		const repo = recordRepository(db, { newId: () => 'same-mutation-id' });
		await repo.save(exampleRecords['case-note']());
		const second = exampleWith('case-note', (note) => (note.id = 'note-0002-abcd'));
		await expect(repo.save(second)).rejects.toThrow();
		expect(await db.records.count()).toBe(1);
		expect(await db.outbox.count()).toBe(1);
	});

	it('will not read or write case data while the vault is locked', async () => {
		const db = userDb('u1');
		await recordRepository(db).save(exampleRecords.participant());
		dropKeys();
		await expect(recordRepository(db).readCase('case-0001-abcd')).rejects.toThrow('locked');
		await expect(recordRepository(db).save(exampleRecords['case-note']())).rejects.toThrow('locked');
		expect((await outbox(db).summary()).count).toBe(1);
	});

	it('stores records pulled from the server without queueing them to be sent back', async () => {
		const db = userDb('u1');
		const result = await recordRepository(db).storeSynced([exampleRecords.participant(), exampleRecords['case-note'](), { type: 'case-note' }]);
		expect(result.stored).toBe(2);
		expect(result.rejected).toHaveLength(1);
		expect(await recordRepository(db).readCase('case-0001-abcd')).toHaveLength(2);
		expect(await db.outbox.count()).toBe(0);
	});

	it('finds a participant by part of their name', async () => {
		const db = userDb('u1');
		await recordRepository(db).save(exampleRecords.participant());
		await recordRepository(db).save(exampleWith('participant', (p) => ((p.id = 'participant-hp-0001'), (p.name = 'Jo Other'), delete p.preferredName)));
		expect((await recordRepository(db).searchParticipants('sam ex')).map((p) => p.name)).toEqual(['Sam Example']);
	});

	it('refuses to store a record whose ciphertext was moved from another record', async () => {
		const db = userDb('u1');
		const repo = recordRepository(db);
		await repo.save(exampleRecords['case-note']());
		await repo.save(exampleWith('case-note', (note) => (note.id = 'note-0002-abcd')));
		const [a, b] = await db.records.toArray();
		await db.records.put({ ...b!, enc: a!.enc });
		await expect(repo.get(b!.id)).rejects.toThrow();
	});

	it('saves an edit to a record it has just read without reading it again before the save', async () => {
		const db = userDb('u1');
		const repo = recordRepository(db);
		await repo.save(exampleRecords.participant());
		const reads = vi.spyOn(db.records, 'get');
		expect((await repo.save(exampleWith('participant', (p) => (p.name = 'Sam Edited')))).ok).toBe(true);
		expect(reads).toHaveBeenCalledTimes(1); // the check inside the transaction
		const [, edit] = await outbox(db).take(10);
		expect(edit!.before).toEqual(exampleRecords.participant());
	});

	it('saves an edit to a record shown on a watched screen without reading it again before the save', async () => {
		const db = userDb('u1');
		await recordRepository(db).storeSynced([exampleRecords.participant()]);
		const repo = recordRepository(db);
		const shown = await new Promise<unknown[]>((resolve) => {
			const subscription = repo.watchCase('case-0001-abcd').subscribe((records) => (subscription?.unsubscribe(), resolve(records)));
		});
		expect(shown).toHaveLength(1);
		const reads = vi.spyOn(db.records, 'get');
		await repo.save(exampleWith('participant', (p) => (p.name = 'Sam Edited')));
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('describes an edit against the record as stored, not as last seen, when a pull replaced it meanwhile', async () => {
		const db = userDb('u1');
		const repo = recordRepository(db);
		await repo.save(exampleRecords.participant());
		const pulled = exampleWith('participant', (p) => (p.name = 'Sam From The Server'));
		await repo.storeSynced([pulled]);
		await repo.save(exampleWith('participant', (p) => (p.name = 'Sam Edited')));
		const [, edit] = await outbox(db).take(10);
		expect(edit!.before).toEqual(pulled);
		expect(await repo.get(edit!.docId)).toEqual(exampleWith('participant', (p) => (p.name = 'Sam Edited')));
	});

	it('saves a new note without reading the device first', async () => {
		const db = userDb('u1');
		const reads = vi.spyOn(db.records, 'get');
		expect((await recordRepository(db).save(exampleRecords['case-note']())).ok).toBe(true);
		expect(reads).not.toHaveBeenCalled();
		expect((await outbox(db).take(10)).map((change) => change.record)).toEqual([exampleRecords['case-note']()]);
	});

	it('saves an edit to a record pulled but never shown against the record as pulled, queued once', async () => {
		const db = userDb('u1');
		await recordRepository(db).storeSynced([exampleRecords.participant()]);
		const repo = recordRepository(db);
		expect((await repo.save(exampleWith('participant', (p) => (p.name = 'Sam Edited')))).ok).toBe(true);
		const pending = await outbox(db).take(10);
		expect(pending.map((change) => [change.before, change.record])).toEqual([[exampleRecords.participant(), exampleWith('participant', (p) => (p.name = 'Sam Edited'))]]);
		expect(await repo.get(pending[0]!.docId)).toEqual(exampleWith('participant', (p) => (p.name = 'Sam Edited')));
	});

	it('forgets every record it has seen when the vault locks', async () => {
		const db = userDb('u1');
		await recordRepository(db).save(exampleRecords['case-note']());
		const [row] = await db.records.toArray();
		expect(guessRow(db, row!.id).absent).toBe(false);
		dropKeys();
		expect(guessRow(db, row!.id)).toEqual({ absent: true });
	});
});
