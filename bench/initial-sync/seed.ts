// Seeds a fresh data folder for `tsx server/main.ts`: 40,000 records in 320 cases, 40 of them
// (5,000 records) assigned to the benchmark's facilitator, and a colleague on the same 40 cases.
import { connectCouch } from '../../server/store/couch.js';
import { AUDIT_DESIGN, RECORDS_DESIGN, ensureDesignDoc } from '../../server/store/design-docs.js';
import { startEmbeddedStore } from '../../server/store/embedded-store.js';
import { createServices } from '../../server/services/services.js';
import { caseload, docIdOf } from '../lib/records.js';

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

export async function seed(dataDir: string): Promise<Seeded> {
	const store = await startEmbeddedStore(dataDir, 0);
	try {
		const couch = await connectCouch(store.url, 'embedded', 'tandem');
		await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
		await ensureDesignDoc(couch.dbs.audit, AUDIT_DESIGN);
		const services = await createServices(couch, 'bench');
		const now = new Date();
		const make = async (username: string) => {
			const user = await services.accounts.create({ username, displayName: `Bench ${username}`, roles: ['facilitator'], password: PASSWORD }, now);
			if (!user) throw new Error(`Could not make ${username}`);
			return user._id.slice('user:'.length);
		};
		const facilitatorId = await make(FACILITATOR);
		const colleagueId = await make(COLLEAGUE);
		const records = caseload(STORE_RECORDS);
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
		for (let at = 0; at < records.length; at += 1_000) {
			const answer = await couch.dbs.records.bulk({ docs: records.slice(at, at + 1_000).map((r) => ({ _id: docIdOf(r), ...r })) });
			const failed = answer.filter((row) => 'error' in row && row.error);
			if (failed.length > 0) throw new Error(`Seeding failed: ${JSON.stringify(failed[0])}`);
		}
		for (const caseId of ownCaseIds) {
			await services.accounts.assign(facilitatorId, caseId, now);
			await services.accounts.assign(colleagueId, caseId, now);
		}
		return { facilitatorId, colleagueId, ownCaseIds, own };
	} finally {
		await store.stop();
	}
}
