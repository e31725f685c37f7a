import { liveQuery, type Observable } from 'dexie';
import type { CaseSummary } from '../protocol/cases.js';
import { isSealed, openFor, requireKey, sealContext, sealFor } from './sealing.js';
import type { StoredCase, UserDb } from './user-db.js';

const contextOf = (id: string) => sealContext('cases', id, 'case-summary');

async function sealCase(db: UserDb, summary: CaseSummary): Promise<StoredCase> {
	return { id: summary.id, updatedAt: summary.updatedAt, enc: await sealFor(db, contextOf(summary.id), summary) };
}

/** Reads a row; a v1 row not yet sealed is its own summary. */
function openCase(db: UserDb, row: StoredCase | CaseSummary): Promise<CaseSummary> {
	return 'enc' in row && isSealed(row.enc) ? openFor<CaseSummary>(db, contextOf(row.id), row.enc) : Promise.resolve(row as CaseSummary);
}

/** The only way pages read and write the device's cases. Contents are encrypted at rest. */
export function caseRepository(db: UserDb) {
	const readAll = async (): Promise<CaseSummary[]> => {
		requireKey(db);
		const rows = await db.cases.toArray();
		const cases = await Promise.all(rows.map((row) => openCase(db, row)));
		return cases.sort((a, b) => a.reference.localeCompare(b.reference));
	};
	return {
		/** Every case on the device, by reference. */
		readAll,

		/** Live list of cases, by reference; pages subscribe and see every change. */
		watchAll: (): Observable<CaseSummary[]> => liveQuery(readAll),

		/**
		 * Makes the device hold exactly the cases the server listed, in one transaction:
		 * a case no longer listed (unassigned, say) leaves the device with the same commit.
		 */
		async replaceAll(cases: CaseSummary[], syncedAt: string): Promise<void> {
			const sealed = await Promise.all(cases.map((summary) => sealCase(db, summary)));
			await db.transaction('rw', db.cases, db.syncMeta, async () => {
				const keep = new Set(cases.map((c) => c.id));
				const gone = (await db.cases.toCollection().primaryKeys()).filter((id) => !keep.has(id));
				await db.cases.bulkDelete(gone);
				await db.cases.bulkPut(sealed);
				await db.syncMeta.put({ key: 'cases', lastSyncedAt: syncedAt });
			});
		},

		async lastSyncedAt(): Promise<string | undefined> {
			return (await db.syncMeta.get('cases'))?.lastSyncedAt;
		},

		/** Encrypts rows a v1 database left in clear. Runs after unlock; safe to repeat. */
		async sealLegacyCases(): Promise<number> {
			const legacy = (await db.cases.toArray()).filter((row) => !isSealed((row as Partial<StoredCase>).enc)) as unknown as CaseSummary[];
			if (legacy.length === 0) return 0;
			const sealed = await Promise.all(legacy.map((summary) => sealCase(db, summary)));
			// bulkPut replaces each whole row; the v1 clear fields are gone from the live data at once.
			await db.transaction('rw', db.cases, () => db.cases.bulkPut(sealed));
			return sealed.length;
		}
	};
}

export type CaseRepository = ReturnType<typeof caseRepository>;
