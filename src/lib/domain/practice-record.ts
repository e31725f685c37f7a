import * as v from 'valibot';
import { caseReferenceSchema } from './case-record.js';
import { optionalText, requiredText } from './fields.js';
import type { FieldProblem } from './validation.js';

/**
 * A facilitator's own practice: supervision, observed practice, training and accreditation.
 * About staff, not cases: these stay on the server and no tablet carries them.
 */
export const PRACTICE_KINDS = ['supervision', 'observation', 'training', 'accreditation'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

export const PRACTICE_KIND_LABELS: Record<PracticeKind, string> = {
	supervision: 'Supervision session',
	observation: 'Observed practice',
	training: 'Training or CPD',
	accreditation: 'Accreditation'
};

export const OBSERVATION_OUTCOMES = ['met-standard', 'development-agreed', 'not-met'] as const;
export type ObservationOutcome = (typeof OBSERVATION_OUTCOMES)[number];
export const OBSERVATION_OUTCOME_LABELS: Record<ObservationOutcome, string> = {
	'met-standard': 'Met the standard',
	'development-agreed': 'Met the standard, with development points agreed',
	'not-met': 'Did not meet the standard yet'
};

const day = (message: string) => v.pipe(v.string(message), v.isoDate('Enter a date like 2026-10-01'));

const supervisionSchema = v.strictObject({
	kind: v.literal('supervision'),
	date: day('Enter the date of the supervision'),
	supervisor: requiredText('Enter who gave the supervision', 200),
	caseReferences: v.pipe(
		v.array(caseReferenceSchema, 'List the cases discussed by reference'),
		v.maxLength(40, 'List at most 40 cases')
	),
	notes: optionalText(5_000),
	/** Left out, the next supervision is due one interval after this one. */
	nextDue: v.optional(day('Enter when the next supervision is due'))
});

const observationSchema = v.strictObject({
	kind: v.literal('observation'),
	date: day('Enter the date of the observation'),
	observer: requiredText('Enter who observed the practice', 200),
	outcome: v.picklist(OBSERVATION_OUTCOMES, 'Choose the outcome of the observation'),
	notes: optionalText(5_000)
});

const trainingSchema = v.strictObject({
	kind: v.literal('training'),
	date: day('Enter the date of the training'),
	title: requiredText('Enter what the training was', 200),
	hours: v.pipe(
		v.number('Enter the hours as a number'),
		v.minValue(0.5, 'Enter at least half an hour'),
		v.maxValue(200, 'Enter at most 200 hours'),
		v.multipleOf(0.25, 'Enter hours in quarters, like 1.5 or 2.25')
	),
	provider: requiredText('Enter who provided the training', 200)
});

const accreditationSchema = v.strictObject({
	kind: v.literal('accreditation'),
	body: requiredText('Enter the accrediting body', 200),
	awarded: day('Enter the date the accreditation was awarded'),
	renewal: day('Enter the date the accreditation must be renewed by')
});

export const practiceEntryRequestSchema = v.variant('kind', [supervisionSchema, observationSchema, trainingSchema, accreditationSchema], 'Choose supervision, observation, training or accreditation');
export type PracticeEntryRequest = v.InferOutput<typeof practiceEntryRequestSchema>;
export type SupervisionEntry = Extract<PracticeEntryRequest, { kind: 'supervision' }>;

/** An entry as kept: what was recorded, about whom, by whom and when. */
export type PracticeEntry = PracticeEntryRequest & {
	id: string;
	userId: string;
	recordedBy: string;
	recordedAt: string;
};

/** The day an entry happened on, which orders a person's records. */
export const entryDay = (entry: PracticeEntryRequest): string => (entry.kind === 'accreditation' ? entry.awarded : entry.date);

/** What the shape alone cannot say: dates in order, nothing recorded as done in the future. */
export function practiceEntryProblems(entry: PracticeEntryRequest, today: string): FieldProblem[] {
	const problems: FieldProblem[] = [];
	if (entry.kind === 'accreditation') {
		if (entry.awarded > today) problems.push({ path: 'awarded', message: 'The award date cannot be in the future' });
		if (entry.renewal <= entry.awarded) problems.push({ path: 'renewal', message: 'The renewal date must come after the award date' });
		return problems;
	}
	if (entry.date > today) problems.push({ path: 'date', message: 'The date cannot be in the future' });
	if (entry.kind === 'supervision' && entry.nextDue !== undefined && entry.nextDue <= entry.date)
		problems.push({ path: 'nextDue', message: 'The next supervision must be due after this one' });
	return problems;
}
