import * as v from 'valibot';
import { REFERRAL_SOURCES } from './case-record.js';
import { caseDocumentFields, isoDateTime, optionalText, recordId, requiredText } from './fields.js';
import { PARTICIPANT_ROLES } from './participant.js';
import { validate, type Validated } from './validation.js';

const entries = {
	type: v.literal('feedback'),
	v: v.literal(1),
	...caseDocumentFields,
	anonymous: v.boolean('Say whether the feedback is anonymous'),
	participantId: v.optional(recordId),
	/** The name the person chose to give on the public form; never filled in for them. */
	givenName: v.optional(requiredText('Enter your name, or leave it out to stay anonymous', 120)),
	role: v.optional(v.picklist(PARTICIPANT_ROLES, 'Choose harmed person, person responsible or supporter')),
	/** 1 (very dissatisfied) to 5 (very satisfied). */
	satisfaction: v.pipe(
		v.number('Choose a score from 1 to 5'),
		v.integer('Choose a score from 1 to 5'),
		v.minValue(1, 'Choose a score from 1 to 5'),
		v.maxValue(5, 'Choose a score from 1 to 5')
	),
	wouldRecommend: v.optional(v.boolean('Say whether they would recommend it')),
	comments: optionalText(10_000),
	receivedAt: isoDateTime,
	/** The case's referral source when the feedback arrived, copied by the server so reports can filter by it. */
	referralSource: v.optional(v.picklist(REFERRAL_SOURCES, 'Choose who made the referral'))
};

type FeedbackShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

// Invariant: anonymous feedback names nobody; named feedback names a participant or carries the
// name the person gave.
export const feedbackSchema = v.pipe(
	v.strictObject(entries),
	v.forward(
		v.check(
			(f: FeedbackShape) => (f.anonymous ? f.participantId === undefined : f.participantId !== undefined || f.givenName !== undefined),
			'Name the participant, or mark the feedback anonymous and leave them out'
		),
		['participantId']
	),
	v.forward(
		v.check((f: FeedbackShape) => !(f.anonymous && f.givenName !== undefined), 'Leave the name out of anonymous feedback'),
		['givenName']
	)
);

export type FeedbackRecord = v.InferOutput<typeof feedbackSchema>;

export function parseFeedback(input: unknown): Validated<FeedbackRecord> {
	return validate(feedbackSchema, input);
}
