/** Why a coordinator declines a referral: recorded with it, and counted in reports. */
export const DECLINE_REASONS = ['duplicate', 'outside-criteria', 'no-consent', 'unable-to-contact', 'withdrawn', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
	duplicate: 'Already referred (duplicate)',
	'outside-criteria': 'Outside what this service takes on',
	'no-consent': 'The person does not agree to take part',
	'unable-to-contact': 'Could not make contact safely',
	withdrawn: 'The referrer withdrew it',
	other: 'Another reason (say in the note)'
};

export const REFERRAL_STATUSES = ['new', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
