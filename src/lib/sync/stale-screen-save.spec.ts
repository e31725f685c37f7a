import { beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../db/outbox.js';
import { caseChildDocId } from '../domain/ids.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import type { DomainRecord } from '../domain/records.js';
import { diffRecords } from './merge/record-changes.js';
import { useSyncFixture, type SyncFixture } from './testing/sync-fixture.js';

const USER = 'u-stale-screen';
const CASE = 'case-0001-abcd';
const PERSON = caseChildDocId(CASE, 'participant', 'participant-pr-0001');
const SAVED_AT = '2026-11-01T10:00:00.000Z';

describe('saving an edit screen opened before a colleague’s change arrived', () => {
	const fixture = useSyncFixture(USER, CASE);
	let f: SyncFixture;
	let screen: DomainRecord;

	beforeEach(async () => {
		f = fixture();
		f.server.put(PERSON, exampleRecords.participant(), CASE);
		await f.engine().sync();
		// The facilitator opens the participant's edit screen.
		screen = (await f.repo().get(PERSON))!;
	});

	/** A colleague's change reaches the server, and this device pulls it while the screen stays open. */
	async function colleagueChanges(change: Record<string, unknown>): Promise<void> {
		f.server.put(PERSON, { ...f.server.get(PERSON)!.record, ...change }, CASE);
		expect(await f.engine().sync()).toMatchObject({ status: 'synced' });
	}

	/** The screen saves the whole form: everything it loaded, with what the person typed. */
	const saveScreen = (typed: Record<string, unknown>) => f.repo().save({ ...screen, ...typed, updatedAt: SAVED_AT }, { basedOn: screen });

	it('keeps the colleague’s change to another field, on the tablet and on the server', async () => {
		await colleagueChanges({ language: 'Welsh' });
		expect(await saveScreen({ preferredName: 'Sammy' })).toMatchObject({ ok: true });
		expect(await f.repo().get(PERSON)).toMatchObject({ language: 'Welsh', preferredName: 'Sammy' });
		expect(await f.engine().sync()).toMatchObject({ status: 'synced', pushed: 1 });
		expect(f.server.get(PERSON)).toMatchObject({ record: { language: 'Welsh', preferredName: 'Sammy' }, conflicts: [] });
	});

	it('sends only the facilitator’s own change as this device’s change', async () => {
		await colleagueChanges({ language: 'Welsh' });
		await saveScreen({ preferredName: 'Sammy' });
		const [waiting] = await outbox(f.db()).pendingFor(PERSON);
		expect(Object.keys(diffRecords(waiting!.before as never, waiting!.record as never)).sort()).toEqual(['preferredName', 'updatedAt']);
	});

	it('shows what the facilitator typed in a field both changed, and keeps both values on the server for a person to choose', async () => {
		await colleagueChanges({ name: 'Samuel Example' });
		await saveScreen({ name: 'Sam Typed' });
		expect(await f.repo().get(PERSON)).toMatchObject({ name: 'Sam Typed' });
		const [waiting] = await outbox(f.db()).pendingFor(PERSON);
		expect(diffRecords(waiting!.before as never, waiting!.record as never).name).toEqual({ from: 'Sam Example', to: 'Sam Typed' });
		await f.engine().sync();
		const held = f.server.get(PERSON)!;
		expect(held.conflicts.map((c) => [c.path, c.values.map((v) => v.value).sort()])).toEqual([[['name'], ['Sam Typed', 'Samuel Example']]]);
	});

	it('rebases the answers of a form merged key by key, one key at a time', async () => {
		await colleagueChanges({ safeContact: { ...(exampleRecords.participant().safeContact as object), safeTimes: 'Afternoons' } });
		await saveScreen({ safeContact: { ...(screen as { safeContact: object }).safeContact, voicemailAllowed: true } });
		expect(await f.repo().get(PERSON)).toMatchObject({ safeContact: { safeTimes: 'Afternoons', voicemailAllowed: true } });
		await f.engine().sync();
		expect(f.server.get(PERSON)).toMatchObject({ record: { safeContact: { safeTimes: 'Afternoons', voicemailAllowed: true } }, conflicts: [] });
	});

	it('keeps a colleague’s change pulled while the save was being sealed', async () => {
		const db = f.db();
		const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
		let pulled = false;
		// The pull commits after the save has sealed its edit, just before the save's own transaction.
		(db as { transaction: unknown }).transaction = async (...args: unknown[]) => {
			if (!pulled && args.includes(db.outbox)) {
				pulled = true;
				await colleagueChanges({ language: 'Welsh' });
			}
			return transaction(...args);
		};
		try {
			await saveScreen({ preferredName: 'Sammy' });
		} finally {
			delete (db as { transaction?: unknown }).transaction;
		}
		expect(pulled).toBe(true);
		expect(await f.repo().get(PERSON)).toMatchObject({ language: 'Welsh', preferredName: 'Sammy' });
	});
});
