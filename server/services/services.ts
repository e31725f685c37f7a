import type { Couch } from '../store/couch.js';
import { accountAudit, type AccountAudit } from './account-audit.js';
import { accountStore, type AccountStore } from './account-store.js';
import { allocationStore, type AllocationStore } from './allocation-store.js';
import { auditLog, type AuditLog } from './audit-log.js';
import { caseReferences, type CaseReferences } from './case-references.js';
import { caseStore, type CaseStore } from './case-store.js';
import { deviceStore, type DeviceStore } from './device-store.js';
import { feedbackLinks, type FeedbackLinks } from './feedback-links.js';
import { paperSettingsStore, type PaperSettingsStore } from './paper-settings-store.js';
import { publicRateLimit, type PublicRateLimit } from './public-rate-limit.js';
import { referralStore, type ReferralStore } from './referral-store.js';
import { reportService, type ReportService } from './report-service.js';
import { refreshSessions, type RefreshSessions } from './refresh-sessions.js';
import { secondFactorStore, type SecondFactorStore } from './second-factor-store.js';
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
	accountAudit: AccountAudit;
	secondFactors: SecondFactorStore;
	referrals: ReferralStore;
	feedbackLinks: FeedbackLinks;
	publicLimit: PublicRateLimit;
	allocation: AllocationStore;
	caseReferences: CaseReferences;
	reports: ReportService;
	paperSettings: PaperSettingsStore;
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
		accountAudit: accountAudit(couch),
		secondFactors: secondFactorStore(couch),
		referrals: referralStore(couch),
		feedbackLinks: feedbackLinks(couch),
		publicLimit: publicRateLimit(couch),
		allocation: allocationStore(couch),
		caseReferences: caseReferences(couch),
		reports: reportService(couch),
		paperSettings: paperSettingsStore(couch),
		sessionSecret: await accounts.sessionSecret()
	};
}
