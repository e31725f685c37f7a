import * as v from 'valibot';
import { caseDocumentFields, isoDateTime, optionalText, recordId } from './fields.js';
import { PARTICIPANT_ROLES } from './participant.js';
import { validate, type Validated } from './validation.js';

const entries = {
	type: v.literal('feedback'),
	v: v.literal(1),
	...caseDocumentFields,
	anonymous: v.boolean('Say whether the feedback is anonymous'),
	participantId: v.optional(recordId),
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
	receivedAt: isoDateTime
};

type FeedbackShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

// Invariant: anonymous feedback names no participant, and named feedback names one.
export const feedbackSchema = v.pipe(
	v.strictObject(entries),
	v.forward(
		v.check((f: FeedbackShape) => f.anonymous === (f.participantId === undefined), 'Name the participant, or mark the feedback anonymous and leave them out'),
		['participantId']
	)
);

export type FeedbackRecord = v.InferOutput<typeof feedbackSchema>;

export function parseFeedback(input: unknown): Validated<FeedbackRecord> {
	return validate(feedbackSchema, input);
}
