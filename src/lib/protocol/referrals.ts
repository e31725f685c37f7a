import * as v from 'valibot';
import { JUSTICE_STAGES, OFFENCE_CATEGORIES, REFERRAL_SOURCES } from '../domain/case-record.js';
import { isoDate, optionalText, requiredText } from '../domain/fields.js';
import { PRINCIPAL_ROLES } from '../domain/participant.js';

/**
 * The public referral forms: only what a coordinator needs to make first contact safely. Nothing
 * here is a case yet; a coordinator reads the referral and decides.
 */

/** Hidden from people by the form; a program that fills in every field fills this one too. */
export const honeypotField = v.optional(v.pipe(v.string('Leave this field empty'), v.maxLength(200, 'Leave this field empty')));

const personName = (message: string) => requiredText(message, 120);
const email = v.pipe(
	v.string('Enter an email address'),
	v.trim(),
	v.maxLength(254, 'An email address has at most 254 characters'),
	v.email('Enter an email address like name@example.org')
);
const phone = v.pipe(v.string('Enter a phone number'), v.trim(), v.regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a phone number like 07700 900123'));
const principalRole = v.picklist(PRINCIPAL_ROLES, 'Choose the person who was harmed or the person responsible for the harm');

/** How a person may ask to be contacted first; the safe-contact note says when and what to avoid. */
export const SELF_CONTACT_METHODS = ['phone', 'text-message', 'email'] as const;

const selfEntries = {
	role: principalRole,
	name: personName('Enter your name'),
	email: v.optional(email),
	phone: v.optional(phone),
	preferredContact: v.optional(v.picklist(SELF_CONTACT_METHODS, 'Choose phone call, text message or email')),
	/** When and how it is safe to get in touch: a harmed person may share a phone or a home. */
	safeContact: v.optional(optionalText(500)),
	about: v.optional(optionalText(2_000)),
	offenceCategory: v.optional(v.picklist(OFFENCE_CATEGORIES, 'Choose what kind of harm it was from the list, or leave it')),
	offenceDate: v.optional(isoDate),
	agreeToContact: v.literal(true, 'Tick the box so that the service may contact you about this'),
	website: honeypotField
};

type SelfShape = v.InferOutput<v.StrictObjectSchema<typeof selfEntries, undefined>>;

// Invariant: a self-referral always gives the service a way to reach the person.
export const selfReferralRequestSchema = v.pipe(
	v.strictObject(selfEntries),
	v.forward(
		v.check((r: SelfShape) => r.email !== undefined || r.phone !== undefined, 'Give an email address or a phone number so that the service can reach you'),
		['email']
	)
);
export type SelfReferralRequest = v.InferOutput<typeof selfReferralRequestSchema>;

export const PROFESSIONAL_REFERRAL_SOURCES = REFERRAL_SOURCES.filter((source) => source !== 'self') as Exclude<(typeof REFERRAL_SOURCES)[number], 'self'>[];

export const professionalReferralRequestSchema = v.strictObject({
	referrer: v.strictObject({
		name: personName('Enter your name'),
		organisation: requiredText('Enter your organisation', 160),
		jobTitle: v.optional(optionalText(120)),
		email,
		phone: v.optional(phone)
	}),
	referralSource: v.picklist(PROFESSIONAL_REFERRAL_SOURCES, 'Choose the kind of organisation you refer from'),
	person: v.strictObject({
		role: principalRole,
		name: personName('Enter the name of the person you are referring'),
		prisonNumber: v.optional(v.pipe(v.string('Enter a prison number'), v.trim(), v.regex(/^[A-Z]\d{4}[A-Z]{2}$/, 'Enter a prison number like A1234BC'))),
		establishment: v.optional(optionalText(120))
	}),
	justiceStage: v.picklist(JUSTICE_STAGES, 'Choose where the person responsible is in the justice process'),
	offenceCategory: v.optional(v.picklist(OFFENCE_CATEGORIES, 'Choose an offence category from the list')),
	offenceDate: v.optional(isoDate),
	/** Risks the referrer knows of: to the person, to others, to facilitators. */
	risk: v.optional(optionalText(2_000)),
	personAgreed: v.literal(true, 'Confirm that the person knows about this referral and agrees to it'),
	reason: v.optional(optionalText(2_000)),
	website: honeypotField
});
export type ProfessionalReferralRequest = v.InferOutput<typeof professionalReferralRequestSchema>;

/** The answer to a referral: a reference to quote, and what happens next. */
export interface ReferralReceipt {
	reference: string;
	nextSteps: string[];
}
