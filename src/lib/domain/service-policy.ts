import * as v from 'valibot';
import { JUSTICE_STAGES, OFFENCE_CATEGORIES, type CaseRecord } from './case-record.js';
import { refuse, type GateFailure } from './gate.js';
import { validate, type Validated } from './validation.js';

/** What a service decides for itself; an administrator sets it, the gates read it. */
export const servicePolicySchema = v.strictObject({
	excludedJusticeStages: v.array(v.picklist(JUSTICE_STAGES, 'Choose a justice stage from the list')),
	excludedOffenceCategories: v.array(v.picklist(OFFENCE_CATEGORIES, 'Choose an offence category from the list')),
	riskAssessmentFreshnessDays: v.pipe(
		v.number('Enter a number of days'),
		v.integer('Use a whole number of days'),
		v.minValue(1, 'Allow at least 1 day'),
		v.maxValue(365, 'Allow at most 365 days')
	),
	facilitatorsPerCase: v.pipe(v.number('Enter 1 or 2'), v.integer('Enter 1 or 2'), v.minValue(1, 'Enter 1 or 2'), v.maxValue(2, 'Enter 1 or 2'))
});

export type ServicePolicy = v.InferOutput<typeof servicePolicySchema>;

/** Post-sentence work only, two facilitators, assessments good for 28 days. */
export const DEFAULT_SERVICE_POLICY: ServicePolicy = {
	excludedJusticeStages: ['pre-sentence'],
	excludedOffenceCategories: [],
	riskAssessmentFreshnessDays: 28,
	facilitatorsPerCase: 2
};

export function parseServicePolicy(input: unknown): Validated<ServicePolicy> {
	return validate(servicePolicySchema, input);
}

const STAGE_WORDS: Record<CaseRecord['justiceStage'], string> = {
	'pre-sentence': 'pre-sentence',
	'custodial-sentence': 'custodial sentence',
	'community-sentence': 'community sentence',
	'on-licence': 'on licence',
	'sentence-completed': 'sentence completed',
	'out-of-court-disposal': 'out-of-court disposal'
};

/** Whether the service takes this referral; restorative justice never affects sentencing. */
export function referralFailures(record: Pick<CaseRecord, 'justiceStage' | 'offenceCategory'>, policy: ServicePolicy): GateFailure[] {
	const failures: GateFailure[] = [];
	if (policy.excludedJusticeStages.includes(record.justiceStage))
		failures.push(refuse('referral-excluded', `This service does not take referrals at the ${STAGE_WORDS[record.justiceStage]} stage`));
	if (record.offenceCategory && policy.excludedOffenceCategories.includes(record.offenceCategory))
		failures.push(refuse('referral-excluded', `This service does not take referrals for ${record.offenceCategory.replaceAll('-', ' ')} offences`));
	return failures;
}
