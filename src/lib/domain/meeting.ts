import * as v from 'valibot';
import { caseDocumentFields, isoDateTime, optionalText, recordId, requiredText, userId } from './fields.js';
import { validate, type Validated } from './validation.js';

export const VENUE_KINDS = ['prison-visits-hall', 'prison-other-room', 'community-venue', 'other'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;

const venueSchema = v.pipe(
	v.strictObject({
		kind: v.picklist(VENUE_KINDS, 'Choose the kind of venue'),
		name: requiredText('Enter the name of the venue', 200),
		establishmentId: v.optional(recordId)
	}),
	v.forward(
		v.check((venue) => !venue.kind.startsWith('prison') || venue.establishmentId !== undefined, 'Choose the establishment'),
		['establishmentId']
	)
);

const entries = {
	type: v.literal('meeting'),
	v: v.literal(1),
	...caseDocumentFields,
	scheduledFor: isoDateTime,
	venue: venueSchema,
	/** The parties; supporters are listed apart because each needs their own risk check. */
	participantIds: v.pipe(v.array(recordId), v.minLength(2, 'Choose the people meeting')),
	supporterIds: v.array(recordId),
	facilitatorIds: v.pipe(v.array(userId('Choose a facilitator')), v.minLength(1, 'Choose the facilitators running the meeting')),
	groundRulesAgreed: v.boolean('Say whether ground rules were agreed'),
	plan: optionalText(10_000),
	status: v.picklist(MEETING_STATUSES, 'Choose planned, held or cancelled'),
	heldAt: v.optional(isoDateTime),
	outcome: v.optional(optionalText(20_000))
};

type MeetingShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

export const meetingSchema = v.pipe(
	v.strictObject(entries),
	v.forward(v.check((m: MeetingShape) => m.status !== 'held' || m.heldAt !== undefined, 'Record when the meeting was held'), ['heldAt']),
	v.forward(v.check((m: MeetingShape) => m.status !== 'held' || m.groundRulesAgreed, 'A meeting is held only after ground rules are agreed'), ['groundRulesAgreed'])
);

export type MeetingRecord = v.InferOutput<typeof meetingSchema>;

export function parseMeeting(input: unknown): Validated<MeetingRecord> {
	return validate(meetingSchema, input);
}
