import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { pullStore } from '../sync/pull-store.js';
import { draftRepository, noteDraftId, type NoteDraft } from './draft-repository.js';
import { dumpAsText, dumpIndexedDb, unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

const draft = (text: string, amendsNoteId?: string): NoteDraft => ({
	kind: 'case-note', caseId: 'case-0001-abcd', text, aboutParticipantIds: ['participant-pr-0001'], ...(amendsNoteId ? { amendsNoteId } : {})
});

describe('draft repository', () => {
	beforeEach(() => unlockForTest('d1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('d1')));

	it('keeps a half-written note that a new page load reads back', async () => {
		await draftRepository(userDb('d1')).save(noteDraftId('case-0001-abcd'), draft('Sam talked about the first'));
		userDb('d1').close();
		await userDb('d1').open();
		expect((await draftRepository(userDb('d1')).get(noteDraftId('case-0001-abcd')))?.draft).toEqual(draft('Sam talked about the first'));
	});

	it('stores the text sealed: nothing of it is readable in IndexedDB', async () => {
		await draftRepository(userDb('d1')).save(noteDraftId('case-0001-abcd'), draft('Sam mentioned the canal path'));
		const dump = dumpAsText(await dumpIndexedDb());
		expect(dump).toContain('draft:case-note:case-0001-abcd:new');
		expect(dump).not.toContain('canal path');
		expect(dump).not.toContain('participant-pr-0001');
	});

	it('keeps a new note and an amendment of one case apart, and lists both for the case', async () => {
		const drafts = draftRepository(userDb('d1'));
		await drafts.save(noteDraftId('case-0001-abcd'), draft('New note'));
		await drafts.save(noteDraftId('case-0001-abcd', 'note-0001-abcd'), draft('Corrected text', 'note-0001-abcd'));
		const listed = await drafts.listCase('case-0001-abcd');
		expect(listed.map((d) => d.draft.text).sort()).toEqual(['Corrected text', 'New note']);
		await drafts.discard(noteDraftId('case-0001-abcd'));
		expect((await drafts.listCase('case-0001-abcd')).map((d) => d.id)).toEqual(['draft:case-note:case-0001-abcd:note-0001-abcd']);
	});

	it('will not read or write a draft while the vault is locked, and never queues one for sync', async () => {
		const db = userDb('d1');
		await draftRepository(db).save(noteDraftId('case-0001-abcd'), draft('Before locking'));
		expect(await db.outbox.count()).toBe(0);
		dropKeys();
		await expect(draftRepository(db).get(noteDraftId('case-0001-abcd'))).rejects.toThrow('locked');
		await expect(draftRepository(db).save(noteDraftId('case-0001-abcd'), draft('After'))).rejects.toThrow('locked');
	});

	it('goes with its case when the case leaves the tablet (need to know)', async () => {
		const db = userDb('d1');
		await draftRepository(db).save(noteDraftId('case-0001-abcd'), draft('About to be unassigned'));
		await draftRepository(db).save(noteDraftId('case-0002-abcd'), { ...draft('Another case'), caseId: 'case-0002-abcd' });
		expect(await pullStore(db).purgeCase('case-0001-abcd')).toBe(true);
		expect((await db.drafts.toArray()).map((row) => row.caseId)).toEqual(['case-0002-abcd']);
	});
});
