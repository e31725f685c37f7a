// Seeds a data folder for the load test: facilitators in pairs co-facilitating cases, so what one
// device pushes another pulls. Cases are smaller than a real caseload's (25 records, drawn from the
// shared generator) to keep seeding and the devices' first pulls within the bench's time.
import { randomBytes, scryptSync } from 'node:crypto';
import { connectCouch } from '../../server/store/couch.js';
import { AUDIT_DESIGN, RECORDS_DESIGN, ensureDesignDoc } from '../../server/store/design-docs.js';
import { startEmbeddedStore } from '../../server/store/embedded-store.js';
import { createServices } from '../../server/services/services.js';
import { caseIdOf, caseRecords, docIdOf } from '../lib/records.js';

export const LOAD_PASSWORD = 'bench copper kettle orbit 42';
/** Per case: the case, its 4 participants, 2 checklist runs, 2 consents, 10 notes, 6 contacts. */
const KEEP: Record<string, number> = { case: 1, participant: 4, 'risk-assessment': 2, consent: 2, 'case-note': 10, contact: 6 };

export interface LoadUser {
	id: string;
	username: string;
	caseIds: string[];
}

/** `users` facilitators, each assigned `casesEach` cases; user 2k and 2k+1 share theirs. */
export async function seedLoad(dataDir: string, users: number, casesEach: number): Promise<{ users: LoadUser[]; records: number }> {
	const store = await startEmbeddedStore(dataDir, 0);
	try {
		const couch = await connectCouch(store.url, 'embedded', 'tandem');
		await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
		await ensureDesignDoc(couch.dbs.audit, AUDIT_DESIGN);
		const services = await createServices(couch, 'bench');
		const now = new Date();
		// The first account has the service's own hash (scrypt N=2^15). The others are seeded with the
		// same self-describing format at N=2^10, which sign-in verifies as stored: enrolling 500
		// devices then takes seconds, not minutes, on a shared 2-core machine. Sign-in is not what
		// this benchmark measures; the catch-up syncs after it are.
		const first = await services.accounts.create({ username: 'load-0000', displayName: 'Load 0', roles: ['facilitator'], password: LOAD_PASSWORD }, now);
		if (!first) throw new Error('Could not make the first load user');
		const salt = randomBytes(16);
		const cheapHash = ['scrypt', 1024, 8, 1, salt.toString('base64url'), scryptSync(LOAD_PASSWORD.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64url')].join('$');
		const list: LoadUser[] = [];
		const accounts: Record<string, unknown>[] = [];
		for (let u = 0; u < users; u++) {
			const pair = Math.floor(u / 2);
			const caseIds = Array.from({ length: casesEach }, (_, k) => caseIdOf(pair * casesEach + k));
			const id = u === 0 ? first.id : `load-user-${String(u).padStart(4, '0')}`;
			const username = `load-${String(u).padStart(4, '0')}`;
			list.push({ id, username, caseIds });
			if (u > 0) accounts.push({ ...first, _rev: undefined, _id: `user:${id}`, id, username, displayName: `Load ${u}`, passwordHash: cheapHash }, { _id: `login:${username}`, type: 'login', v: 1, userId: id });
			for (const caseId of caseIds) accounts.push({ _id: `assign:${id}:${caseId}`, type: 'assignment', v: 1, userId: id, caseId, since: now.toISOString() });
		}
		for (let at = 0; at < accounts.length; at += 1_000) await couch.dbs.accounts.bulk({ docs: accounts.slice(at, at + 1_000) });
		const cases = Math.ceil(users / 2) * casesEach;
		let records = 0;
		for (let c = 0; c < cases; c += 40) {
			const docs = Array.from({ length: Math.min(40, cases - c) }, (_, k) => c + k).flatMap((n) => {
				const seen: Record<string, number> = {};
				const pair = Math.floor(n / casesEach);
				return caseRecords(n)
					.filter((r) => (seen[r.type as string] = (seen[r.type as string] ?? 0) + 1) <= (KEEP[r.type as string] ?? 0))
					.map((r) => ({ _id: docIdOf(r), ...r, ...(r.type === 'case' ? { facilitatorIds: [list[pair * 2]!.id, list[pair * 2 + 1]?.id ?? list[pair * 2]!.id] } : {}) }));
			});
			const failed = (await couch.dbs.records.bulk({ docs })).filter((row) => 'error' in row && row.error);
			if (failed.length > 0) throw new Error(`Seeding failed: ${JSON.stringify(failed[0])}`);
			records += docs.length;
		}
		return { users: list, records };
	} finally {
		await store.stop();
	}
}
