import type { Couch } from '../store/couch.js';
import { accountStore, type AccountStore } from './account-store.js';
import { caseStore, type CaseStore } from './case-store.js';

/** What routes may use. Everything here is shared through the store, so processes stay stateless. */
export interface Services {
	version: string;
	couch: Couch;
	accounts: AccountStore;
	cases: CaseStore;
	sessionSecret: Buffer;
}

export async function createServices(couch: Couch, version: string): Promise<Services> {
	const accounts = accountStore(couch);
	return { version, couch, accounts, cases: caseStore(couch), sessionSecret: await accounts.sessionSecret() };
}
