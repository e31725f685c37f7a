import type { CaseStage } from '../domain/case-stage.js';

/** What "my cases" lists: no names, no notes — enough to find and open a case. */
export interface CaseSummary {
	id: string;
	reference: string;
	stage: CaseStage;
	status: 'open' | 'closed';
	updatedAt: string;
}

export interface MyCasesResponse {
	cases: CaseSummary[];
	serverTime: string;
}
