import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { readCaseMarkers } from './case-markers.js';
import { caseConflicts } from './case-conflicts.js';
import { sealCopy } from './server-copy.js';

const conflict = { path: ['summary'], ancestor: { value: 'a' }, values: [{ value: 'b' }, { value: 'c' }] };

describe('case markers', () => {
	beforeEach(() => unlockForTest('k1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('k1')));

	it('counts each case’s changes waiting in the outbox', async () => {
		const db = userDb('k1');
		await recordRepository(db).save(exampleRecords['case-note']());
		await recordRepository(db).save(exampleWith('case-note', (n) => (n.id = 'note-0002-abcd')));
		await recordRepository(db).save(exampleWith('case-note', (n) => ((n.id = 'note-0003-abcd'), (n.caseId = 'case-0002-abcd'))));
		const markers = await readCaseMarkers(db);
		expect(markers.get('case-0001-abcd')).toEqual({ unsynced: 2, needsDecision: 0 });
		expect(markers.get('case-0002-abcd')).toEqual({ unsynced: 1, needsDecision: 0 });
	});

	it('says a case needs a decision when a server copy holds kept values, and stops when they are settled', async () => {
		const db = userDb('k1');
		const contact = exampleRecords.contact();
		await db.synced.put(await sealCopy(db, 'case:case-0001-abcd:contact:contact-0001-abcd', 'case-0001-abcd', { rev: '2-x', record: contact, conflicts: [conflict] }));
		await db.synced.put(await sealCopy(db, 'case:case-0001-abcd:case-note:note-0001-abcd', 'case-0001-abcd', { rev: '1-x', record: exampleRecords['case-note'](), conflicts: [] }));
		expect((await readCaseMarkers(db)).get('case-0001-abcd')).toEqual({ unsynced: 0, needsDecision: 1 });
		await db.synced.put(await sealCopy(db, 'case:case-0001-abcd:contact:contact-0001-abcd', 'case-0001-abcd', { rev: '3-x', record: contact, conflicts: [] }));
		expect((await readCaseMarkers(db)).get('case-0001-abcd')).toBeUndefined();
	});

	it('stops saying a case needs a decision once the decision waits in the outbox', async () => {
		const db = userDb('k1');
		const docId = 'case:case-0001-abcd:contact:contact-0001-abcd';
		await db.synced.put(await sealCopy(db, docId, 'case-0001-abcd', { rev: '2-x', record: exampleRecords.contact(), conflicts: [conflict] }));
		expect(await caseConflicts(db).resolve(docId, ['summary'], { pick: 0 })).toEqual({ ok: true });
		expect((await readCaseMarkers(db)).get('case-0001-abcd')).toEqual({ unsynced: 1, needsDecision: 0 });
	});

	it('reads one case alone when asked', async () => {
		const db = userDb('k1');
		await recordRepository(db).save(exampleRecords['case-note']());
		await recordRepository(db).save(exampleWith('case-note', (n) => ((n.id = 'note-0003-abcd'), (n.caseId = 'case-0002-abcd'))));
		expect([...(await readCaseMarkers(db, 'case-0002-abcd')).keys()]).toEqual(['case-0002-abcd']);
	});

	it('refuses to read while the vault is locked', async () => {
		dropKeys();
		await expect(readCaseMarkers(userDb('k1'))).rejects.toThrow('locked');
	});
});
