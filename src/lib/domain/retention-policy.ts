import * as v from 'valibot';
import { EXIT_REASONS, type ExitReason } from './case-record.js';
import { validate, type Validated } from './validation.js';

/** What happens to a closed case once its period is over. */
export const RETENTION_ACTIONS = ['delete', 'anonymise'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export const RETENTION_ACTION_LABELS: Record<RetentionAction, string> = {
	delete: 'Delete the whole case',
	anonymise: 'Keep the stages for reports, delete everything else'
};

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
	completed: 'Completed',
	'withdrawn-by-harmed-person': 'Harmed person withdrew',
	'withdrawn-by-person-responsible': 'Person responsible withdrew',
	unsuitable: 'Not suitable',
	'unable-to-contact': 'Unable to make contact',
	other: 'Closed for another reason'
};

const MAX_MONTHS = 1_200;
const months = v.pipe(
	v.number('Enter a number of months'),
	v.integer('Use a whole number of months'),
	v.minValue(1, 'Keep it for at least 1 month'),
	v.maxValue(MAX_MONTHS, `Keep it for at most ${MAX_MONTHS} months`)
);

const closedCaseRule = v.strictObject({
	months,
	action: v.picklist(RETENTION_ACTIONS, 'Choose delete or keep the stages for reports')
});
export type ClosedCaseRule = v.InferOutput<typeof closedCaseRule>;

/**
 * How long the service keeps what it holds. Closed cases by how they ended, counted from the
 * day they closed; feedback from when it was received, in any case; declined referrals from
 * when they were declined.
 */
export const retentionPolicySchema = v.strictObject({
	closedCases: v.strictObject(
		Object.fromEntries(EXIT_REASONS.map((reason) => [reason, closedCaseRule])) as Record<ExitReason, typeof closedCaseRule>
	),
	feedbackMonths: months,
	declinedReferralMonths: months
});

export type RetentionPolicy = v.InferOutput<typeof retentionPolicySchema>;

/** Completed cases six years for reports, the rest shorter; the service sets its own. */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
	closedCases: {
		completed: { months: 72, action: 'anonymise' },
		'withdrawn-by-harmed-person': { months: 24, action: 'anonymise' },
		'withdrawn-by-person-responsible': { months: 24, action: 'anonymise' },
		unsuitable: { months: 24, action: 'anonymise' },
		'unable-to-contact': { months: 12, action: 'delete' },
		other: { months: 24, action: 'anonymise' }
	},
	feedbackMonths: 24,
	declinedReferralMonths: 6
};

export function parseRetentionPolicy(input: unknown): Validated<RetentionPolicy> {
	return validate(retentionPolicySchema, input);
}

/** The moment `count` calendar months after `from` (end of a shorter month when the day is missing). */
export function addMonths(from: string, count: number): Date {
	const start = new Date(from);
	const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(), start.getUTCMilliseconds()));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
	return target;
}
