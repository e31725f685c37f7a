import { beforeEach, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { caseConflicts } from './case-conflicts.js';
import { readCaseMarkers } from './case-markers.js';
import { refusedChanges } from './refused-changes.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-refused';
const CASE = 'case-0001-abcd';
const NOTE_DOC = caseChildDocId(CASE, 'case-note', 'note-0001-abcd');
const PERSON_DOC = caseChildDocId(CASE, 'participant', 'participant-pr-0001');

describe('changes the server refused', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	beforeEach(() => void (f = fixture()));

	/** A note is never changed once written: an edit of it is refused. */
	async function refusedEdit(): Promise<void> {
		await f.repo().save(exampleRecords['case-note']());
		await f.engine().sync();
		await f.repo().save(exampleWith('case-note', (note) => (note.text = 'Changed after the fact.')));
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', rejected: 1 });
	}

	it('lists a refused change with what it changed, what was written, when and why', async () => {
		await refusedEdit();
		const [refused, ...others] = await refusedChanges(f.db()).list();
		expect(others).toEqual([]);
		expect(refused).toMatchObject({ docId: NOTE_DOC, caseId: CASE, code: 'immutable-field-changed', changed: ['text'], written: { text: 'Changed after the fact.' } });
		expect(refused!.at).toMatch(/^2026-11-01T09:/);
		expect(refused!.fields).toEqual([{ path: 'text', message: 'Refused' }]);
	});

	it('discards a refused change only when asked: the outbox entry and reason go and the note reads as the server has it', async () => {
		await refusedEdit();
		const [refused] = await refusedChanges(f.db()).list();
		expect(await refusedChanges(f.db()).discard(refused!.mutationId)).toBe(true);
		expect(await f.db().outbox.count()).toBe(0);
		expect(await f.db().rejections.count()).toBe(0);
		expect(await f.repo().get(NOTE_DOC)).toEqual(exampleRecords['case-note']());
		expect(await refusedChanges(f.db()).discard(refused!.mutationId)).toBe(false);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 0, rejected: 0 });
		expect(await f.repo().get(NOTE_DOC)).toEqual(f.server.get(NOTE_DOC)!.record);
	});

	it('removes a refused new record from the tablet and brings back the server version at the next sync', async () => {
		f.server.put(NOTE_DOC, exampleWith('case-note', (note) => (note.text = 'Written in the office.')), CASE);
		await f.repo().save(exampleRecords['case-note']());
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', rejected: 1 });
		const [refused] = await refusedChanges(f.db()).list();
		expect(refused?.changed).toContain('text');
		await refusedChanges(f.db()).discard(refused!.mutationId);
		expect(await f.repo().get(NOTE_DOC)).toBeUndefined();
		await f.engine().sync();
		expect(await f.repo().get(NOTE_DOC)).toMatchObject({ text: 'Written in the office.' });
	});

	it('keeps a refused change on the tablet, sync after sync, until a person discards it', async () => {
		await refusedEdit();
		await f.engine().sync();
		await f.engine().sync();
		expect(await refusedChanges(f.db()).list()).toHaveLength(1);
		expect(await f.repo().get(NOTE_DOC)).toMatchObject({ text: 'Changed after the fact.' });
	});

	it('after a discard, shows the server copy of a record whose kept conflict arrived while the refused change waited, asks for a decision, and keeps an edit made since', async () => {
		await f.repo().save(exampleRecords.participant());
		await f.engine().sync();
		// Offline: a new preferred name, then a change of role, which a participant never gets once made.
		f.server.state.reachable = false;
		await f.repo().save(exampleWith('participant', (p) => (p.preferredName = 'Sammy')));
		await f.repo().save(exampleWith('participant', (p) => ((p.preferredName = 'Sammy'), (p.role = 'harmed-person'))));
		f.server.put(PERSON_DOC, { ...f.server.get(PERSON_DOC)!.record, preferredName: 'Samuel' }, CASE);
		f.server.state.reachable = true;
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 2, rejected: 1 });
		f.server.state.reachable = false;
		await f.repo().save({ ...(await f.repo().get(PERSON_DOC))!, language: 'Welsh' });
		const [refused] = await refusedChanges(f.db()).list();
		expect(refused).toMatchObject({ docId: PERSON_DOC, code: 'immutable-field-changed', changed: ['role'] });
		expect(await refusedChanges(f.db()).discard(refused!.mutationId)).toBe(true);
		const server = f.server.get(PERSON_DOC)!;
		expect(await f.repo().get(PERSON_DOC)).toEqual({ ...server.record, language: 'Welsh' });
		const [held] = await caseConflicts(f.db()).inCase(CASE);
		expect(held?.conflicts.map((c) => [c.path, c.values.map((kept) => kept.value).sort()])).toEqual([[['preferredName'], ['Sammy', 'Samuel']]]);
		expect((await readCaseMarkers(f.db(), CASE)).get(CASE)).toEqual({ unsynced: 1, needsDecision: 1 });
	});

	it('discards the later of two refused changes of one field, and the earlier one still shows until it is discarded too', async () => {
		await f.repo().save(exampleRecords.participant());
		await f.engine().sync();
		await f.repo().save(exampleWith('participant', (p) => (p.role = 'harmed-person')));
		await f.repo().save(exampleWith('participant', (p) => (p.preferredName = 'Sammy')));
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', rejected: 2 });
		const [earlier, later] = await refusedChanges(f.db()).list();
		await refusedChanges(f.db()).discard(later!.mutationId);
		expect(await f.repo().get(PERSON_DOC)).toEqual({ ...exampleRecords.participant(), role: 'harmed-person' });
		await refusedChanges(f.db()).discard(earlier!.mutationId);
		expect(await f.repo().get(PERSON_DOC)).toEqual(f.server.get(PERSON_DOC)!.record);
	});
});
