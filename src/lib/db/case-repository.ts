import { liveQuery, type Observable } from 'dexie';
import type { CaseSummary } from '../protocol/cases.js';
import type { UserDb } from './user-db.js';

/** The only way pages read and write the device's cases. */
export function caseRepository(db: UserDb) {
	return {
		/** Live list of cases, by reference; pages subscribe and see every change. */
		watchAll(): Observable<CaseSummary[]> {
			return liveQuery(() => db.cases.orderBy('reference').toArray());
		},

		/**
		 * Makes the device hold exactly the cases the server listed, in one transaction:
		 * a case no longer listed (unassigned, say) leaves the device with the same commit.
		 */
		async replaceAll(cases: CaseSummary[], syncedAt: string): Promise<void> {
			await db.transaction('rw', db.cases, db.syncMeta, async () => {
				const keep = new Set(cases.map((c) => c.id));
				const gone = (await db.cases.toCollection().primaryKeys()).filter((id) => !keep.has(id));
				await db.cases.bulkDelete(gone);
				await db.cases.bulkPut(cases);
				await db.syncMeta.put({ key: 'cases', lastSyncedAt: syncedAt });
			});
		},

		async lastSyncedAt(): Promise<string | undefined> {
			return (await db.syncMeta.get('cases'))?.lastSyncedAt;
		}
	};
}

export type CaseRepository = ReturnType<typeof caseRepository>;
