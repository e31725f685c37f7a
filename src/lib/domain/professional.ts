import * as v from 'valibot';
import { documentFields, optionalText, requiredText } from './fields.js';
import { validate, type Validated } from './validation.js';

export const PROFESSIONAL_ROLES = [
	'offender-manager',
	'prison-offender-manager',
	'victim-liaison-officer',
	'victim-services',
	'police',
	'other'
] as const;

/** A partner agency's worker. Service-wide: one offender manager may link to many cases. */
export const professionalSchema = v.strictObject({
	type: v.literal('professional'),
	v: v.literal(1),
	...documentFields,
	role: v.picklist(PROFESSIONAL_ROLES, 'Choose their role from the list'),
	name: requiredText('Enter their name', 200),
	organisation: requiredText('Enter their organisation', 200),
	email: v.optional(v.pipe(v.string(), v.email('Enter an email address like name@example.gov.uk'))),
	phone: v.optional(v.pipe(v.string(), v.regex(/^[+\d][\d ]{6,19}$/, 'Enter a phone number using digits and spaces'))),
	notes: optionalText(2_000)
});

export type ProfessionalRecord = v.InferOutput<typeof professionalSchema>;

export function parseProfessional(input: unknown): Validated<ProfessionalRecord> {
	return validate(professionalSchema, input);
}
