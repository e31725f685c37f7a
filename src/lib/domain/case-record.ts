import * as v from 'valibot';
import { CASE_STAGES } from './case-stage.js';
import { CASE_ID_PATTERN } from './ids.js';
import { isoDate, isoDateTime, optionalText, userId } from './fields.js';
import { validate, type Validated } from './validation.js';

/** A service's case reference: letters, digits and dashes, e.g. RJ-2026-0042. */
export const caseReferenceSchema = v.pipe(
	v.string('Enter a case reference'),
	v.trim(),
	v.regex(/^[A-Z]{2,4}-\d{4}-\d{3,6}$/, 'Use a case reference like RJ-2026-0042')
);

export const REFERRAL_SOURCES = [
	'self',
	'offender-manager',
	'prison-offender-manager',
	'victim-services',
	'police',
	'court',
	'other'
] as const;

/** Where the person responsible is in the justice process when referred. */
export const JUSTICE_STAGES = [
	'pre-sentence',
	'custodial-sentence',
	'community-sentence',
	'on-licence',
	'sentence-completed',
	'out-of-court-disposal'
] as const;
export type JusticeStage = (typeof JUSTICE_STAGES)[number];

export const OFFENCE_CATEGORIES = [
	'violence',
	'homicide',
	'sexual-harm',
	'domestic-abuse',
	'hate-crime',
	'robbery',
	'burglary',
	'theft',
	'criminal-damage',
	'fraud',
	'driving',
	'other'
] as const;

export const EXIT_REASONS = [
	'completed',
	'withdrawn-by-harmed-person',
	'withdrawn-by-person-responsible',
	'unsuitable',
	'unable-to-contact',
	'other'
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** A move into a stage; `mode` says indirect or direct for the communication stage. */
export const stageEntrySchema = v.strictObject({
	stage: v.picklist(CASE_STAGES, 'Choose a stage from the list'),
	at: isoDateTime,
	mode: v.optional(v.picklist(['indirect', 'direct'], 'Choose indirect or direct'))
});
export type StageEntry = v.InferOutput<typeof stageEntrySchema>;

const entries = {
	type: v.literal('case'),
	v: v.literal(1),
	id: v.pipe(v.string(), v.regex(CASE_ID_PATTERN, 'Use a case id of 8 to 64 lower-case letters, digits or dashes')),
	reference: caseReferenceSchema,
	referralSource: v.picklist(REFERRAL_SOURCES, 'Choose who made the referral'),
	justiceStage: v.picklist(JUSTICE_STAGES, 'Choose the justice stage'),
	offenceCategory: v.optional(v.picklist(OFFENCE_CATEGORIES, 'Choose an offence category')),
	offenceDate: v.optional(isoDate),
	establishmentId: v.optional(v.pipe(v.string(), v.minLength(1, 'Choose an establishment'))),
	stage: v.picklist(CASE_STAGES, 'Choose a stage from the list'),
	status: v.picklist(['open', 'closed'], 'Choose open or closed'),
	facilitatorIds: v.pipe(
		v.array(v.pipe(v.string(), v.minLength(1))),
		v.maxLength(2, 'A case has at most two facilitators'),
		v.check((ids) => new Set(ids).size === ids.length, 'Choose two different facilitators')
	),
	coordinatorId: userId('Choose a coordinator'),
	exitReason: v.optional(v.picklist(EXIT_REASONS, 'Choose a reason for closing')),
	exitDate: v.optional(isoDateTime),
	exitNote: v.optional(optionalText(2_000)),
	/** Each stage move, oldest first, so reports can count who reached a stage and how long it took. */
	stageHistory: v.optional(v.pipe(v.array(stageEntrySchema), v.maxLength(200, 'A case keeps at most 200 stage moves'))),
	createdAt: isoDateTime,
	updatedAt: isoDateTime,
	createdBy: userId('Record who wrote this'),
	/** Who made the latest change, such as a stage move; the audit log keeps the full history. */
	updatedBy: v.optional(userId('Record who changed this'))
};

type CaseShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

// Invariant: a case is closed exactly when its stage is "closed", and a closed case says why and when.
export const caseRecordSchema = v.pipe(
	v.strictObject(entries),
	v.forward(
		v.check((c: CaseShape) => (c.stage === 'closed') === (c.status === 'closed'), 'A closed case is at the closed stage, and only a closed case is'),
		['status']
	),
	v.forward(v.check((c: CaseShape) => c.status !== 'closed' || c.exitReason !== undefined, 'Choose a reason for closing'), ['exitReason']),
	v.forward(v.check((c: CaseShape) => c.status !== 'closed' || c.exitDate !== undefined, 'Enter the date the case closed'), ['exitDate'])
);

export type CaseRecord = v.InferOutput<typeof caseRecordSchema>;

export function parseCaseRecord(input: unknown): Validated<CaseRecord> {
	return validate(caseRecordSchema, input);
}
