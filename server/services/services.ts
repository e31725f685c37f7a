import type { Couch } from '../store/couch.js';
import { accountStore, type AccountStore } from './account-store.js';
import { auditLog, type AuditLog } from './audit-log.js';
import { caseStore, type CaseStore } from './case-store.js';
import { deviceStore, type DeviceStore } from './device-store.js';
import { refreshSessions, type RefreshSessions } from './refresh-sessions.js';
import { signInThrottle, type SignInThrottle } from './sign-in-throttle.js';

/** What routes may use. Everything here is shared through the store, so processes stay stateless. */
export interface Services {
	version: string;
	couch: Couch;
	accounts: AccountStore;
	cases: CaseStore;
	devices: DeviceStore;
	sessions: RefreshSessions;
	throttle: SignInThrottle;
	audit: AuditLog;
	sessionSecret: Buffer;
}

export async function createServices(couch: Couch, version: string): Promise<Services> {
	const accounts = accountStore(couch);
	return {
		version,
		couch,
		accounts,
		cases: caseStore(couch),
		devices: deviceStore(couch),
		sessions: refreshSessions(couch),
		throttle: signInThrottle(couch),
		audit: auditLog(couch),
		sessionSecret: await accounts.sessionSecret()
	};
}
