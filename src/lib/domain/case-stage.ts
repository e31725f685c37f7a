/** The stages a case moves through, in order. */
export const CASE_STAGES = [
	'referral',
	'initial-contact',
	'assessment',
	'communication',
	'outcome',
	'closed'
] as const;

export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
	referral: 'Referral',
	'initial-contact': 'Initial contact',
	assessment: 'Assessment and preparation',
	communication: 'Indirect communication or meeting',
	outcome: 'Outcome and follow-up',
	closed: 'Closed'
};
