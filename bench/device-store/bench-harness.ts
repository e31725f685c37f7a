// Runs in Chromium: the device store (encrypted) against plain Dexie with the same rows and indexes.
import Dexie from 'dexie';
import { caseRows } from '../../src/lib/db/case-rows.js';
import { recordRepository } from '../../src/lib/db/record-repository.js';
import { LATEST_STORES } from '../../src/lib/db/user-db-schema.js';
import { userDb } from '../../src/lib/db/user-db.js';
import { exampleWith } from '../../src/lib/domain/record-fixtures.js';
import { createVault } from '../../src/lib/session/vault.js';
import { caseload, caseSize, CASE_SIZE } from '../lib/records.js';

type Row = Record<string, unknown> & { id: string; type: string; caseId?: string };

/** Same durability and indexes as the device store (relaxed, see src/lib/db/README.md): the two differ only by encryption. */
function plainDb(name: string): Dexie {
	const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' });
	db.version(1).stores({ records: LATEST_STORES.records!, outbox: LATEST_STORES.outbox! });
	return db;
}
const plainRow = (record: Row) => ({ ...record, id: `case:${record.caseId}:${record.type}:${record.id}` });

/** How long a filled store is left alone before the everyday operations are timed. */
const SETTLE_MS = 2_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn(i);
		times.push(performance.now() - start);
	}
	return times;
}

const note = (i: number, caseId: string) =>
	exampleWith('case-note', (n) => ((n.id = `bench-note-${String(i).padStart(6, '0')}`), (n.caseId = caseId), (n.text = 'A visit went well. '.repeat(30))));

export const bench = {
	async bulkLoad(kind: 'plain' | 'encrypted', run: number, count: number) {
		const records = caseload(count) as Row[];
		if (kind === 'plain') {
			const db = plainDb(`bench-plain-bulk-${run}`);
			const start = performance.now();
			await db.table('records').bulkPut(records.map(plainRow));
			return performance.now() - start;
		}
		const user = `bulk-${run}`;
		await createVault({ id: user, username: user, displayName: 'Bench', roles: ['facilitator'] }, 'copper kettle orbit 42');
		const start = performance.now();
		await recordRepository(userDb(user)).storeSynced(records);
		return performance.now() - start;
	},

	/**
	 * Fills a store with `count` records, lets it settle, then times saving a note, opening a case
	 * and a name search. The pause is the same for both kinds: on a tablet the caseload was loaded
	 * at its first sync, long before a note is written, and a store still compacting the load it
	 * just took is not what a save meets.
	 */
	async everyday(kind: 'plain' | 'encrypted', count: number, runs: number) {
		const records = caseload(count) as Row[];
		const caseId = 'bench-case-00000';
		const openId = 'bench-case-00007';
		if (kind === 'plain') {
			const db = plainDb('bench-plain-everyday');
			await db.table('records').bulkPut(records.map(plainRow));
			await settle();
			const save = await timed(runs, (i) =>
				db.transaction('rw', db.table('records'), db.table('outbox'), async () => {
					const row = plainRow(note(i, caseId) as Row);
					await db.table('records').put(row);
					await db.table('outbox').add({ mutationId: crypto.randomUUID(), docId: row.id, caseId, op: 'put', at: new Date().toISOString(), record: row });
				})
			);
			const open = await timed(runs, () => caseRows(db.table('records'), openId));
			const search = await timed(runs, async () =>
				(await db.table('records').where('type').equals('participant').toArray()).filter((p) => `${p.name} ${p.preferredName ?? ''}`.toLowerCase().includes('person 12'))
			);
			return { save, open, search };
		}
		await createVault({ id: 'everyday', username: 'everyday', displayName: 'Bench', roles: ['facilitator'] }, 'copper kettle orbit 42');
		const repo = recordRepository(userDb('everyday'));
		await repo.storeSynced(records);
		await settle();
		const save = await timed(runs, async (i) => {
			if (!(await repo.save(note(i, caseId))).ok) throw new Error('A benchmark note did not validate');
		});
		const opened = (await repo.readCase(openId)).length;
		if (opened !== caseSize(7)) throw new Error(`Opened ${opened} records, not a whole case`);
		const open = await timed(runs, () => repo.readCase(openId));
		const search = await timed(runs, () => repo.searchParticipants('person 12'));
		return { save, open, search };
	},
	CASE_SIZE
};

declare global {
	interface Window {
		bench: typeof bench;
	}
}
window.bench = bench;
