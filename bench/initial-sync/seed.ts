// Seeds a fresh data folder for `tsx server/main.ts`: 40,000 records in 320 cases, 40 of them
// (5,000 records) assigned to the benchmark's facilitator, and a colleague on the same 40 cases.
import { createServices } from '../../server/services/services.js';
import { cachedDataDir, type CachedFolder } from '../lib/data-cache.js';
import { caseload, docIdOf } from '../lib/records.js';
import { bulkWrite, withEmbeddedStore } from '../lib/store-bulk.js';

export const STORE_RECORDS = 40_000;
export const OWN_CASES = 40;
export const PASSWORD = 'bench copper kettle orbit 42';
export const FACILITATOR = 'bench-facilitator';
export const COLLEAGUE = 'bench-colleague';

export interface Seeded {
	facilitatorId: string;
	colleagueId: string;
	ownCaseIds: string[];
	/** The facilitator's 5,000 records as stored, with their document ids: the floor writes these. */
	own: { docId: string; record: Record<string, unknown> }[];
}

/** A fresh copy of the seeded data folder (made once, then copied from the cache). */
export const seededDataDir = (): Promise<CachedFolder<Seeded>> => cachedDataDir({ name: 'initial-sync', seed: 1, inputs: ['bench/initial-sync/seed.ts', 'server/services/account-store.ts', 'server/services/password-hash.ts'] }, seed);

export function seed(dataDir: string): Promise<Seeded> {
	// The records are generated before the store starts, so it spends its time writing.
	const records = caseload(STORE_RECORDS);
	return withEmbeddedStore(dataDir, 'tandem', async (couch) => {
		const services = await createServices(couch, 'bench');
		const now = new Date();
		const make = async (username: string) => {
			const user = await services.accounts.create({ username, displayName: `Bench ${username}`, roles: ['facilitator'], password: PASSWORD }, now);
			if (!user) throw new Error(`Could not make ${username}`);
			return user._id.slice('user:'.length);
		};
		const facilitatorId = await make(FACILITATOR);
		const colleagueId = await make(COLLEAGUE);
		const own: Seeded['own'] = [];
		const ownCaseIds: string[] = [];
		for (const record of records) {
			const caseNo = Number(String(record.type === 'case' ? record.id : record.caseId).slice('bench-case-'.length));
			if (record.type === 'case') {
				record.facilitatorIds = caseNo < OWN_CASES ? [facilitatorId, colleagueId] : [`other-facilitator-${caseNo % 50}`];
				if (caseNo < OWN_CASES) ownCaseIds.push(record.id as string);
			}
			if (caseNo < OWN_CASES) own.push({ docId: docIdOf(record), record });
		}
		await bulkWrite(couch.dbs.records, records.map((r) => ({ _id: docIdOf(r), ...r })));
		for (const caseId of ownCaseIds) {
			await services.accounts.assign(facilitatorId, caseId, now);
			await services.accounts.assign(colleagueId, caseId, now);
		}
		return { facilitatorId, colleagueId, ownCaseIds, own };
	});
}
