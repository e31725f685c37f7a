import * as v from 'valibot';
import { fromPaperSchema } from './paper-pack.js';
import { caseDocumentFields, isoDateTime, optionalText, recordId } from './fields.js';
import { validate, type Validated } from './validation.js';

export const CONTACT_KINDS = ['phone-call', 'text-message', 'email', 'letter', 'visit', 'meeting', 'other'] as const;
export const CONTACT_OUTCOMES = ['completed', 'no-answer', 'left-message', 'cancelled', 'declined', 'other'] as const;

/** Any communication or visit, with whom, where, when and how it went. */
export const contactSchema = v.pipe(
	v.strictObject({
		type: v.literal('contact'),
		v: v.literal(1),
		...caseDocumentFields,
		kind: v.picklist(CONTACT_KINDS, 'Choose the kind of contact'),
		participantIds: v.array(recordId),
		professionalIds: v.array(recordId),
		/** The establishment, when the contact was a prison visit; `place` then holds its name. */
		establishmentId: v.optional(recordId),
		place: optionalText(300),
		occurredAt: isoDateTime,
		outcome: v.picklist(CONTACT_OUTCOMES, 'Choose how the contact went'),
		summary: optionalText(5_000),
		/** Present when the contact was typed up from a paper pack. */
		fromPaper: v.optional(fromPaperSchema)
	}),
	v.forward(
		v.check((c) => c.participantIds.length + c.professionalIds.length > 0, 'Choose who the contact was with'),
		['participantIds']
	)
);

export type ContactRecord = v.InferOutput<typeof contactSchema>;

export function parseContact(input: unknown): Validated<ContactRecord> {
	return validate(contactSchema, input);
}
