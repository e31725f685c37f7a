import { beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../db/outbox.js';
import { caseChildDocId } from '../domain/ids.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { caseConflicts } from './case-conflicts.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-case-conflicts';
const CASE = 'case-0001-abcd';
const LETTER_DOC = caseChildDocId(CASE, 'letter', 'letter-0001-abcd');

/** The office and the tablet both rewrote the letter's body: the device ends up holding both. */
async function clash(f: SyncFixture): Promise<void> {
	await f.repo().save(exampleRecords.letter());
	await f.engine().sync();
	f.server.put(LETTER_DOC, { ...f.server.get(LETTER_DOC)!.record, body: 'The office version.' }, CASE);
	await f.repo().save(exampleWith('letter', (letter) => (letter.body = 'The prison version.')));
	await f.engine().sync();
}

const bodies = (entries: { values: { value?: unknown }[] }[]) => entries.map((entry) => entry.values.map((kept) => kept.value).sort());

describe('deciding a conflict on the device', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	let conflicts: ReturnType<typeof caseConflicts>;
	beforeEach(() => {
		f = fixture();
		conflicts = caseConflicts(f.db(), { now: () => '2026-11-02T10:00:00.000Z', newId: () => 'mutation-resolve-0001' });
	});

	it('lists the values sync kept for a case, beside the record the tablet shows', async () => {
		await clash(f);
		const found = await conflicts.inCase(CASE);
		expect(found.map((item) => item.docId)).toEqual([LETTER_DOC]);
		expect(bodies(found[0]!.conflicts)).toEqual([['The office version.', 'The prison version.']]);
		expect(await conflicts.countByCase()).toEqual(new Map([[CASE, 1]]));
	});

	it('saves the choice through the outbox with the values seen, and the conflict is gone on both sides after sync', async () => {
		await clash(f);
		const outcome = await conflicts.resolve(LETTER_DOC, ['body'], { value: 'The office version. The prison version.' });
		expect(outcome).toEqual({ ok: true });
		const [pending] = await outbox(f.db()).take(10);
		expect(pending?.resolves).toEqual([{ path: ['body'], seen: expect.arrayContaining([{ value: 'The office version.' }, { value: 'The prison version.' }]) }]);
		// Decided, not yet pushed: the screen no longer asks.
		expect(await conflicts.inCase(CASE)).toEqual([]);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1, rejected: 0 });
		expect(f.server.get(LETTER_DOC)).toMatchObject({ record: { body: 'The office version. The prison version.' }, conflicts: [] });
		expect((await f.store().serverCopies([LETTER_DOC])).get(LETTER_DOC)?.conflicts).toEqual([]);
		expect(await conflicts.inCase(CASE)).toEqual([]);
	});

	it('sends a choice of the value the record already holds, so the server still settles the conflict', async () => {
		await clash(f);
		const held = (await f.repo().get(LETTER_DOC)) as { body: string };
		const entry = (await conflicts.inCase(CASE))[0]!.conflicts[0]!;
		const pick = entry.values.findIndex((kept) => kept.value === held.body);
		expect(await conflicts.resolve(LETTER_DOC, ['body'], { pick })).toEqual({ ok: true });
		await f.engine().sync();
		expect(f.server.get(LETTER_DOC)).toMatchObject({ record: { body: held.body }, conflicts: [] });
	});

	it('keeps a value that reached the server after the person looked in conflict with their choice', async () => {
		await clash(f);
		await conflicts.resolve(LETTER_DOC, ['body'], { value: 'The office version.' });
		// A third version arrives on the server before the tablet pushes the decision.
		const stored = f.server.get(LETTER_DOC)!;
		f.server.put(LETTER_DOC, { ...stored.record, body: 'A late office version.' }, CASE);
		f.server.get(LETTER_DOC)!.conflicts = stored.conflicts.map((entry) => ({ ...entry, values: [...entry.values, { value: 'A late office version.' }] }));
		await f.engine().sync();
		expect(bodies(f.server.get(LETTER_DOC)!.conflicts)).toEqual([['A late office version.', 'The office version.']]);
		expect(bodies((await conflicts.inCase(CASE))[0]!.conflicts)).toEqual([['A late office version.', 'The office version.']]);
	});

	it('refuses a written value the record cannot hold, names the field and saves nothing', async () => {
		await clash(f);
		const before = await f.db().outbox.count();
		const outcome = await conflicts.resolve(LETTER_DOC, ['body'], { value: '   ' });
		expect(outcome).toEqual({ ok: false, code: 'invalid-value', problems: [{ path: 'body', message: 'Write the letter' }] });
		expect(await f.db().outbox.count()).toBe(before);
		expect(await conflicts.inCase(CASE)).toHaveLength(1);
	});

	it('says there is nothing to decide when the field has no conflict', async () => {
		await clash(f);
		expect(await conflicts.resolve(LETTER_DOC, ['status'], { pick: 0 })).toEqual({ ok: false, code: 'no-such-conflict', problems: [] });
		expect(await conflicts.resolve(caseChildDocId(CASE, 'letter', 'letter-9999-abcd'), ['body'], { pick: 0 })).toMatchObject({ ok: false, code: 'no-such-conflict' });
	});
});
