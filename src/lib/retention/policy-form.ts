import { EXIT_REASONS, type ExitReason } from '../domain/case-record.js';
import type { RetentionAction, RetentionPolicy } from '../domain/retention-policy.js';

/** The policy as the form holds it: every number as typed. */
export interface PolicyForm {
	closedCases: Record<ExitReason, { months: string; action: RetentionAction }>;
	feedbackMonths: string;
	declinedReferralMonths: string;
}

export function formOf(policy: RetentionPolicy): PolicyForm {
	return {
		closedCases: Object.fromEntries(EXIT_REASONS.map((r) => [r, { months: String(policy.closedCases[r].months), action: policy.closedCases[r].action }])) as PolicyForm['closedCases'],
		feedbackMonths: String(policy.feedbackMonths),
		declinedReferralMonths: String(policy.declinedReferralMonths)
	};
}

/** A whole number as a number; anything else as typed, so the server names the field and says what is wrong. */
const numberOf = (typed: string): number | string => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : typed);

export function policyOf(form: PolicyForm): Record<string, unknown> {
	return {
		closedCases: Object.fromEntries(EXIT_REASONS.map((r) => [r, { months: numberOf(form.closedCases[r].months), action: form.closedCases[r].action }])),
		feedbackMonths: numberOf(form.feedbackMonths),
		declinedReferralMonths: numberOf(form.declinedReferralMonths)
	};
}
