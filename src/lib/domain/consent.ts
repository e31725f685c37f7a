import * as v from 'valibot';
import { fromPaperSchema } from './paper-pack.js';
import { caseDocumentFields, isoDateTime, optionalText, recordId, requiredText } from './fields.js';
import { validate, type Validated } from './validation.js';

export const CONSENT_PURPOSES = ['take-part', 'share-information', 'share-outcome'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
	'take-part': 'take part',
	'share-information': 'share information with named agencies',
	'share-outcome': 'share the outcome with the other party'
};

const entries = {
	type: v.literal('consent'),
	v: v.literal(1),
	...caseDocumentFields,
	participantId: recordId,
	purpose: v.picklist(CONSENT_PURPOSES, 'Choose what the consent is for'),
	agencies: v.array(requiredText('Name the agency', 200)),
	decision: v.picklist(CONSENT_DECISIONS, 'Choose given, refused or withdrawn'),
	/** When the person said so; createdAt is when it was written down, perhaps later. */
	decidedAt: isoDateTime,
	/** Never required: withdrawal needs no reason. */
	note: v.optional(optionalText(2_000)),
	/** Present when the decision was typed up from a signed paper form. */
	fromPaper: v.optional(fromPaperSchema)
};

type ConsentShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

/**
 * Each consent decision is its own immutable document, so two devices recording decisions
 * offline never collide; the person's current position is the latest decision.
 */
export const consentSchema = v.pipe(
	v.strictObject(entries),
	v.forward(
		v.check(
			(c: ConsentShape) => c.purpose !== 'share-information' || c.decision !== 'given' || c.agencies.length > 0,
			'Name the agencies information may be shared with'
		),
		['agencies']
	)
);

export type ConsentRecord = v.InferOutput<typeof consentSchema>;

export function parseConsent(input: unknown): Validated<ConsentRecord> {
	return validate(consentSchema, input);
}

/** Latest decision first: by when it was made, then when written, then id, so every device agrees. */
function later(a: ConsentRecord, b: ConsentRecord): ConsentRecord {
	const order = a.decidedAt.localeCompare(b.decidedAt) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
	return order >= 0 ? a : b;
}

/** The participant's current decision for a purpose, or undefined when never asked. */
export function currentConsent(
	consents: readonly ConsentRecord[],
	participantId: string,
	purpose: ConsentPurpose
): ConsentRecord | undefined {
	return consents
		.filter((c) => c.participantId === participantId && c.purpose === purpose)
		.reduce<ConsentRecord | undefined>((best, c) => (best ? later(best, c) : c), undefined);
}

/**
 * Whether the participant has withdrawn from taking part. Withdrawal is final for the case:
 * a later "given" does not undo it without a new referral, so no one is drawn back in by mistake.
 */
export function hasWithdrawn(consents: readonly ConsentRecord[], participantId: string): boolean {
	return consents.some((c) => c.participantId === participantId && c.purpose === 'take-part' && c.decision === 'withdrawn');
}
