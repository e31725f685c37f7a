import type { FeedbackComment, FeedbackLinkResponse } from '../protocol/feedback-links.js';
import type {
	AcceptReferralRequest,
	AcceptReferralResponse,
	AllocationListResponse,
	CaseAllocationResponse,
	DeclineReferralRequest,
	ReferralListResponse,
	ReferralView
} from '../protocol/office.js';
import type { ReportResponse } from '../protocol/reports.js';
import type { ReferralStatus } from '../domain/referral-decision.js';
import { callApi } from '../sync/api-client.js';

/** The office's calls: online only, nothing kept on the device. */
export const officeApi = {
	referrals: (status: ReferralStatus) => callApi<ReferralListResponse>('GET', `/api/referrals?status=${status}`),
	accept: (id: string, body: AcceptReferralRequest) => callApi<AcceptReferralResponse>('POST', `/api/referrals/${id}/accept`, body),
	decline: (id: string, body: DeclineReferralRequest) => callApi<ReferralView>('POST', `/api/referrals/${id}/decline`, body),
	allocations: () => callApi<AllocationListResponse>('GET', '/api/allocations'),
	allocation: (caseId: string) => callApi<CaseAllocationResponse>('GET', `/api/cases/${caseId}/allocation`),
	setFacilitators: (caseId: string, facilitatorIds: string[]) => callApi<CaseAllocationResponse>('PUT', `/api/cases/${caseId}/facilitators`, { facilitatorIds }),
	recordConflict: (caseId: string, userId: string, note: string) => callApi<CaseAllocationResponse>('PUT', `/api/cases/${caseId}/conflicts-of-interest/${userId}`, { note }),
	removeConflict: (caseId: string, userId: string) => callApi<CaseAllocationResponse>('DELETE', `/api/cases/${caseId}/conflicts-of-interest/${userId}`),
	/** `query` is reportQueryString's answer: '' or `?from=…`. */
	report: (query: string) => callApi<ReportResponse>('GET', `/api/reports${query}`),
	feedbackLink: (caseId: string) => callApi<FeedbackLinkResponse>('POST', `/api/cases/${caseId}/feedback-links`, {}),
	feedback: (caseId: string) => callApi<FeedbackComment[]>('GET', `/api/cases/${caseId}/feedback`)
};
