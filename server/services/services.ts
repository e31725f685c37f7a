import type { Couch } from '../store/couch.js';
import { accountAudit, type AccountAudit } from './account-audit.js';
import { accountStore, type AccountStore } from './account-store.js';
import { accessReports, type AccessReports } from './access-reports.js';
import { accessReview, type AccessReview } from './access-review.js';
import { deviceExposure, type DeviceExposureService } from './device-exposure.js';
import { allocationStore, type AllocationStore } from './allocation-store.js';
import { auditLog, type AuditLog } from './audit-log.js';
import { caseReferences, type CaseReferences } from './case-references.js';
import { caseStore, type CaseStore } from './case-store.js';
import { deviceStore, type DeviceStore } from './device-store.js';
import { feedbackLinks, type FeedbackLinks } from './feedback-links.js';
import { practiceStore, type PracticeStore } from './practice-store.js';
import { invitations, type Invitations } from './invitations.js';
import { policyStore, type PolicyStore } from './policy-store.js';
import { paperSettingsStore, type PaperSettingsStore } from './paper-settings-store.js';
import { publicRateLimit, type PublicRateLimit } from './public-rate-limit.js';
import { referralStore, type ReferralStore } from './referral-store.js';
import { reportService, type ReportService } from './report-service.js';
import { retentionStore, type RetentionStore } from './retention-store.js';
import { refreshSessions, type RefreshSessions } from './refresh-sessions.js';
import { secondFactorStore, type SecondFactorStore } from './second-factor-store.js';
import { serviceAudit, type ServiceAudit } from './service-audit.js';
import { serviceListing, type ServiceListing } from './service-listing.js';
import { serviceRecords, type ServiceRecords } from './service-records.js';
import type { Version } from './sync-checkpoint.js';
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
	retention: RetentionStore;
	practice: PracticeStore;
	invitations: Invitations;
	policy: PolicyStore;
	serviceRecords: ServiceRecords;
	/** This process's short-lived listing of the service-wide records, for pulls. */
	serviceListing: ServiceListing<Version[]>;
	serviceAudit: ServiceAudit;
	accessReports: AccessReports;
	accessReview: AccessReview;
	deviceExposure: DeviceExposureService;
	paperSettings: PaperSettingsStore;
	sessionSecret: Buffer;
}

export async function createServices(couch: Couch, version: string): Promise<Services> {
	const accounts = accountStore(couch);
	const allocation = allocationStore(couch);
	const [audit, cases, devices] = [auditLog(couch), caseStore(couch), deviceStore(couch)];
	const listing = serviceListing<Version[]>();
	return {
		version,
		couch,
		accounts,
		cases,
		devices,
		sessions: refreshSessions(couch),
		throttle: signInThrottle(couch),
		audit,
		accountAudit: accountAudit(couch),
		secondFactors: secondFactorStore(couch),
		referrals: referralStore(couch),
		feedbackLinks: feedbackLinks(couch),
		publicLimit: publicRateLimit(couch),
		allocation,
		caseReferences: caseReferences(couch),
		reports: reportService(couch),
		retention: retentionStore(couch),
		practice: practiceStore(couch),
		invitations: invitations(couch),
		policy: policyStore(couch, allocation),
		serviceRecords: serviceRecords(couch, listing.forget),
		serviceListing: listing,
		serviceAudit: serviceAudit(couch),
		accessReports: accessReports(couch),
		accessReview: accessReview({ couch, audit, accounts, cases, devices }),
		deviceExposure: deviceExposure({ couch, accounts, cases, devices }),
		paperSettings: paperSettingsStore(couch),
		sessionSecret: await accounts.sessionSecret()
	};
}
