import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { exampleWith } from '../domain/record-fixtures.js';
import { pullStore } from './pull-store.js';

const note = (caseId: string, n: number) => exampleWith('case-note', (note) => ((note.id = `note-000${n}-abcd`), (note.caseId = caseId)));

describe('the cases a pull asks about', () => {
	beforeEach(() => unlockForTest('h1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('h1')));

	it('lists every case with a checkpoint or a record, including records before, between and after the checkpointed ones', async () => {
		const db = userDb('h1');
		const repo = recordRepository(db);
		const withRecords = ['case-0001-aaaa', 'case-0003-aaaa', 'case-0004-aaaa', 'case-0006-aaaa', 'case-0008-aaaa'];
		for (const [i, caseId] of withRecords.entries()) await repo.save(note(caseId, i + 1));
		await repo.save(note('case-0004-aaaa', 9));
		await db.checkpoints.bulkPut(['case-0002-aaaa', 'case-0004-aaaa', 'case-0005-aaaa'].map((caseId) => ({ key: `case:${caseId}`, caseId, checkpoint: `cp-${caseId}` })));

		expect(await pullStore(db).heldCases()).toEqual([
			{ caseId: 'case-0001-aaaa' },
			{ caseId: 'case-0002-aaaa', checkpoint: 'cp-case-0002-aaaa' },
			{ caseId: 'case-0003-aaaa' },
			{ caseId: 'case-0004-aaaa', checkpoint: 'cp-case-0004-aaaa' },
			{ caseId: 'case-0005-aaaa', checkpoint: 'cp-case-0005-aaaa' },
			{ caseId: 'case-0006-aaaa' },
			{ caseId: 'case-0008-aaaa' }
		]);
	});

	it('lists the cases of a device with records and no checkpoint at all', async () => {
		const db = userDb('h1');
		for (const [i, caseId] of ['case-0002-aaaa', 'case-0001-aaaa', 'case-0002-aaaa'].entries()) await recordRepository(db).save(note(caseId, i + 1));
		expect(await pullStore(db).heldCases()).toEqual([{ caseId: 'case-0001-aaaa' }, { caseId: 'case-0002-aaaa' }]);
	});

	it('lists a case whose id starts with a checkpointed case id, and removes one case without touching the other', async () => {
		const db = userDb('h1');
		const repo = recordRepository(db);
		const [held, longer] = ['case-0001-aaaa', 'case-0001-aaaa-2'];
		for (const caseId of [held, longer]) {
			await repo.save(exampleWith('case', (c) => (c.id = caseId)));
			await repo.save(note(caseId, 1));
		}
		await db.checkpoints.put({ key: `case:${held}`, caseId: held, checkpoint: 'cp' });
		await db.outbox.clear();

		expect(await pullStore(db).heldCases()).toEqual([{ caseId: held, checkpoint: 'cp' }, { caseId: longer }]);
		expect(await pullStore(db).purgeCase(held)).toBe(true);
		expect((await repo.readCase(longer)).map((r) => r.id)).toEqual([longer, 'note-0001-abcd']);
		expect(await repo.readCase(held)).toEqual([]);
	});
});
