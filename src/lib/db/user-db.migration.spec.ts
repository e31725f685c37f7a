import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import type { CaseSummary } from '../protocol/cases.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import type { DomainRecord } from '../domain/records.js';
import { caseRepository } from './case-repository.js';
import { outbox, type SealedChange } from './outbox.js';
import { docIdOf, outboxContext, recordRepository, sealRecordRow } from './record-repository.js';
import { sealFor } from './sealing.js';
import { dumpAsText, dumpIndexedDb, unlockForTest } from './testing.js';
import { storesAt, USER_DB_VERSIONS } from './user-db-schema.js';
import { deleteUserDb, userDb, userDbName, type UserDb } from './user-db.js';

const v1Cases: CaseSummary[] = [
	{ id: 'case-0002-abcd', reference: 'RJ-2026-0002', stage: 'communication', status: 'open', updatedAt: '2026-10-02T09:00:00.000Z' },
	{ id: 'case-0001-abcd', reference: 'RJ-2026-0001', stage: 'assessment', status: 'open', updatedAt: '2026-10-01T09:00:00.000Z' }
];

/** Writes a database exactly as the released v1 app did. */
async function writeV1(userId: string): Promise<void> {
	const v1 = new Dexie(userDbName(userId));
	v1.version(1).stores(USER_DB_VERSIONS[0].stores);
	await v1.table('cases').bulkPut(v1Cases);
	await v1.table('syncMeta').put({ key: 'cases', lastSyncedAt: '2026-10-03T09:00:00.000Z' });
	v1.close();
}

describe('user database migration', () => {
	afterEach(async () => (dropKeys(), await deleteUserDb('m1')));

	it('opens a v1 database, keeps every case and the sync time, and encrypts them at the first unlock', async () => {
		await writeV1('m1');
		await unlockForTest('m1');
		const repo = caseRepository(userDb('m1'));
		expect(await repo.lastSyncedAt()).toBe('2026-10-03T09:00:00.000Z');
		expect(await repo.sealLegacyCases()).toBe(2);
		expect(await repo.sealLegacyCases()).toBe(0);

		const cases = await new Promise<CaseSummary[]>((resolve) => {
			const sub = repo.watchAll().subscribe((value) => (resolve(value), queueMicrotask(() => sub.unsubscribe())));
		});
		expect(cases).toEqual([v1Cases[1], v1Cases[0]]);
		expect(userDb('m1').verno).toBe(USER_DB_VERSIONS.at(-1)!.version);
		expect(dumpAsText(await dumpIndexedDb())).not.toContain('RJ-2026-0001');
	});

	it('shows v1 cases before they are sealed, so an upgrade never hides work', async () => {
		await writeV1('m1');
		await unlockForTest('m1');
		const cases = await new Promise<CaseSummary[]>((resolve) => {
			const sub = caseRepository(userDb('m1')).watchAll().subscribe((value) => (resolve(value), queueMicrotask(() => sub.unsubscribe())));
		});
		expect(cases.map((c) => c.reference)).toEqual(['RJ-2026-0001', 'RJ-2026-0002']);
	});

	it('opens a v2 database in v3 with its outbox intact and empty sync tables', async () => {
		const v2 = new Dexie(userDbName('m1'));
		v2.version(2).stores(USER_DB_VERSIONS[1].stores);
		await v2.table('outbox').add({ mutationId: 'm-0001-abcd', docId: 'case:case-0001-abcd', type: 'case', caseId: 'case-0001-abcd', op: 'put', at: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		v2.close();
		const db = userDb('m1');
		expect(await db.outbox.count()).toBe(1);
		expect(await db.synced.count()).toBe(0);
		expect(await db.checkpoints.count()).toBe(0);
		expect(await db.rejections.count()).toBe(0);
	});

	it('opens a v3 database in v4 with its records and outbox intact and an empty drafts table', async () => {
		const v3 = new Dexie(userDbName('m1'));
		v3.version(3).stores(USER_DB_VERSIONS[2].stores);
		await v3.table('records').put({ id: 'case:case-0001-abcd:case-note:note-0001-abcd', type: 'case-note', caseId: 'case-0001-abcd', createdAt: '2026-10-03T09:00:00.000Z', updatedAt: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		await v3.table('outbox').add({ mutationId: 'm-0001-abcd', docId: 'case:case-0001-abcd:case-note:note-0001-abcd', type: 'case-note', caseId: 'case-0001-abcd', op: 'put', at: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		v3.close();
		const db = userDb('m1');
		expect(await db.records.count()).toBe(1);
		expect(await db.outbox.count()).toBe(1);
		expect(await db.drafts.count()).toBe(0);
		expect(db.verno).toBe(USER_DB_VERSIONS.at(-1)!.version);
	});

	it('opens a v4 database with its records, outbox and drafts intact and an empty access log', async () => {
		const v4 = new Dexie(userDbName('m1'));
		v4.version(4).stores(USER_DB_VERSIONS[3].stores);
		await v4.table('records').put({ id: 'case:case-0001-abcd:case-note:note-0001-abcd', type: 'case-note', caseId: 'case-0001-abcd', createdAt: '2026-10-03T09:00:00.000Z', updatedAt: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		await v4.table('outbox').add({ mutationId: 'm-0001-abcd', docId: 'case:case-0001-abcd:case-note:note-0001-abcd', type: 'case-note', caseId: 'case-0001-abcd', op: 'put', at: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		await v4.table('drafts').put({ id: 'draft:case-note:case-0001-abcd:new', caseId: 'case-0001-abcd', updatedAt: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		v4.close();
		const db = userDb('m1');
		expect([await db.records.count(), await db.outbox.count(), await db.drafts.count(), await db.accessLog.count()]).toEqual([1, 1, 1, 0]);
		expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['accessLog', 'cases', 'checkpoints', 'drafts', 'outbox', 'records', 'rejections', 'synced', 'syncMeta']));
	});

	it('opens a v6 database with every record and outbox entry intact and found by the indexes it keeps', async () => {
		await unlockForTest('m1');
		const sealer = { userId: 'm1' } as UserDb;
		const note = exampleRecords['case-note']() as DomainRecord;
		const person = exampleRecords.participant() as DomainRecord;
		const v6 = new Dexie(userDbName('m1'));
		v6.version(6).stores(storesAt(6));
		await v6.table('records').bulkPut([await sealRecordRow(sealer, note), await sealRecordRow(sealer, person)]);
		for (const [n, record] of [note, person].entries()) {
			const entry = { mutationId: `m-000${n}-abcd`, docId: docIdOf(record), type: record.type, caseId: 'case-0001-abcd', op: 'put' as const, at: `2026-10-0${n + 3}T09:00:00.000Z` };
			await v6.table('outbox').add({ ...entry, enc: await sealFor(sealer, outboxContext(entry), { op: 'put', record, at: entry.at } satisfies SealedChange) });
		}
		await v6.table('drafts').put({ id: 'draft:case-note:case-0001-abcd:new', caseId: 'case-0001-abcd', updatedAt: '2026-10-03T09:00:00.000Z', enc: { v: 1 } });
		v6.close();

		const db = userDb('m1');
		const repo = recordRepository(db);
		expect((await repo.readCase('case-0001-abcd')).map((r) => r.id).sort()).toEqual([note.id, person.id].sort());
		expect(await repo.get(docIdOf(note))).toEqual(note);
		expect((await repo.searchParticipants('sam')).map((p) => p.id)).toEqual([person.id]);
		expect((await outbox(db).take(10)).map((change) => change.record)).toEqual([note, person]);
		expect((await outbox(db).pendingFor(docIdOf(person))).map((change) => change.mutationId)).toEqual(['m-0001-abcd']);
		expect(await outbox(db).summary()).toEqual({ count: 2, oldestAt: '2026-10-03T09:00:00.000Z' });
		expect(await db.outbox.where('mutationId').equals('m-0000-abcd').count()).toBe(1);
		expect(await db.outbox.where('caseId').equals('case-0001-abcd').count()).toBe(2);
		expect(await db.drafts.where('caseId').equals('case-0001-abcd').count()).toBe(1);
	});

	it('opens a v7 database in v8 with each case reading its own records, not a neighbour whose id starts the same', async () => {
		await unlockForTest('m1');
		const sealer = { userId: 'm1' } as UserDb;
		const [mine, neighbour] = ['case-0001-abcd', 'case-0001-abcd-2'];
		const recordsOf = (caseId: string) => [
			exampleWith('case', (c) => (c.id = caseId)),
			exampleWith('case-note', (n) => ((n.caseId = caseId), (n.id = `note-${caseId}`))),
			exampleWith('participant', (p) => ((p.caseId = caseId), (p.id = `person-${caseId}`)))
		] as DomainRecord[];
		const v7 = new Dexie(userDbName('m1'));
		v7.version(7).stores(storesAt(7));
		await v7.table('records').bulkPut(await Promise.all([...recordsOf(mine), ...recordsOf(neighbour)].map((r) => sealRecordRow(sealer, r))));
		v7.close();

		const db = userDb('m1');
		const repo = recordRepository(db);
		expect((await repo.readCase(mine)).map((r) => r.id)).toEqual([mine, `note-${mine}`, `person-${mine}`]);
		expect((await repo.readCase(neighbour)).map((r) => r.id)).toEqual([neighbour, `note-${neighbour}`, `person-${neighbour}`]);
		expect(db.verno).toBe(8);
		expect(db.records.schema.indexes.map((index) => index.name)).toEqual(['type']);
	});
});
