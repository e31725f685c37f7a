// Seeds a data folder for the load test: facilitators in pairs co-facilitating cases, so what one
// device pushes another pulls. Cases are smaller than a real caseload's (25 records, drawn from the
// shared generator) to keep seeding and the devices' first pulls within the bench's time.
import { randomBytes, scryptSync } from 'node:crypto';
import { createServices } from '../../server/services/services.js';
import { cachedDataDir, type CachedFolder } from '../lib/data-cache.js';
import { caseIdOf, caseRecords, docIdOf } from '../lib/records.js';
import { bulkWrite, withEmbeddedStore } from '../lib/store-bulk.js';

export const LOAD_PASSWORD = 'bench copper kettle orbit 42';
/** Per case: the case, its 4 participants, 2 checklist runs, 2 consents, 10 notes, 6 contacts. */
const KEEP: Record<string, number> = { case: 1, participant: 4, 'risk-assessment': 2, consent: 2, 'case-note': 10, contact: 6 };

export interface LoadUser {
	id: string;
	username: string;
	caseIds: string[];
}

/** A fresh copy of the seeded data folder for `users` facilitators (made once, then copied from the cache). */
export const seededLoadDir = (users: number, casesEach: number): Promise<CachedFolder<{ users: LoadUser[]; records: number }>> =>
	cachedDataDir({ name: `server-load-${users}x${casesEach}`, seed: 1, inputs: ['bench/server-load/seed.ts', 'server/services/account-store.ts', 'server/services/password-hash.ts'] }, (dir) => seedLoad(dir, users, casesEach));

const FIRST = 'load-user-0000';

/** Each case's records (the KEEP share of the generator's), co-facilitated by pair `n / casesEach`. */
function caseDocs(users: number, casesEach: number): Record<string, unknown>[] {
	const cases = Math.ceil(users / 2) * casesEach;
	const userId = (u: number) => `load-user-${String(Math.min(u, users - 1)).padStart(4, '0')}`;
	return Array.from({ length: cases }, (_, n) => n).flatMap((n) => {
		const seen: Record<string, number> = {};
		const pair = Math.floor(n / casesEach);
		return caseRecords(n)
			.filter((r) => (seen[r.type as string] = (seen[r.type as string] ?? 0) + 1) <= (KEEP[r.type as string] ?? 0))
			.map((r) => ({ _id: docIdOf(r), ...r, ...(r.type === 'case' ? { facilitatorIds: [userId(pair * 2), userId(pair * 2 + 1)] } : {}) }));
	});
}

/** `users` facilitators, each assigned `casesEach` cases; user 2k and 2k+1 share theirs. */
export function seedLoad(dataDir: string, users: number, casesEach: number): Promise<{ users: LoadUser[]; records: number }> {
	// Generated before the store starts; the first user's id is known only once the service makes it.
	const docs = caseDocs(users, casesEach);
	return withEmbeddedStore(dataDir, 'tandem', async (couch) => {
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
		for (const doc of docs) if (Array.isArray(doc.facilitatorIds)) doc.facilitatorIds = doc.facilitatorIds.map((id) => (id === FIRST ? first.id : id));
		await Promise.all([bulkWrite(couch.dbs.accounts, accounts), bulkWrite(couch.dbs.records, docs)]);
		return { users: list, records: docs.length };
	});
}
