import { beforeEach, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { caseConflicts } from './case-conflicts.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-server-restore';
const CASE = 'case-0001-abcd';
const PERSON_DOC = caseChildDocId(CASE, 'participant', 'participant-pr-0001');

describe('a server restored from a backup', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	/** The participant synced, backed up, then changed on the tablet and synced again; then the backup is put back. */
	async function restoredAfterAnEdit(): Promise<void> {
		await f.repo().save(exampleRecords.participant());
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		const backup = f.server.backup();
		await f.repo().save(exampleWith('participant', (p) => (p.preferredName = 'Sammy')));
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		f.server.restore(backup);
	}

	it('takes the restored copy of a record back, though its revision is older than the one the tablet held', async () => {
		await restoredAfterAnEdit();
		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
		const server = f.server.get(PERSON_DOC)!;
		expect(server.record).toMatchObject({ preferredName: 'Sam' });
		expect(await f.repo().get(PERSON_DOC)).toEqual(server.record);
		expect((await f.store().serverCopies([PERSON_DOC])).get(PERSON_DOC)?.rev).toBe(server.rev);
	});

	it('pushes an edit made on a copy the restored server never had, keeping both values where they differ, and ends as the server has it', async () => {
		await restoredAfterAnEdit();
		await f.repo().save(exampleWith('participant', (p) => ((p.preferredName = 'Sammo'), (p.language = 'Welsh'))));
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1, rejected: 0 });
		const server = f.server.get(PERSON_DOC)!;
		expect(server.record).toMatchObject({ language: 'Welsh' });
		expect(server.conflicts.map((c) => [c.path, c.values.map((kept) => kept.value).sort()])).toEqual([[['preferredName'], ['Sam', 'Sammo']]]);
		expect(await f.db().outbox.count()).toBe(0);
		expect(await f.repo().get(PERSON_DOC)).toEqual(server.record);
		const [held] = await caseConflicts(f.db()).inCase(CASE);
		expect(held?.conflicts).toEqual(server.conflicts);
	});
});
