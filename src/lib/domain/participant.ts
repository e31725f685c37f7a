import * as v from 'valibot';
import { caseDocumentFields, optionalText, recordId, requiredText } from './fields.js';
import { validate, type Validated } from './validation.js';

export const PARTICIPANT_ROLES = ['harmed-person', 'person-responsible', 'supporter'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The two parties whose consent and risk assessment every gate checks. */
export const PRINCIPAL_ROLES = ['harmed-person', 'person-responsible'] as const satisfies readonly ParticipantRole[];

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
	'harmed-person': 'harmed person',
	'person-responsible': 'person responsible',
	supporter: 'supporter'
};

export const CONTACT_METHODS = ['phone', 'text-message', 'email', 'letter', 'via-offender-manager', 'in-person'] as const;

/** HMPPS prison numbers look like A1234BC. */
const PRISON_NUMBER = /^[A-Z]\d{4}[A-Z]{2}$/;

const safeContactSchema = v.strictObject({
	methods: v.pipe(
		v.array(v.picklist(CONTACT_METHODS, 'Choose a contact method from the list')),
		v.minLength(1, 'Choose at least one safe way to make contact')
	),
	safeTimes: optionalText(500),
	voicemailAllowed: v.boolean('Say whether a voicemail may be left'),
	lettersToHomeAllowed: v.boolean('Say whether letters may be sent to their home'),
	notes: optionalText(1_000)
});

const entries = {
	type: v.literal('participant'),
	v: v.literal(1),
	...caseDocumentFields,
	role: v.picklist(PARTICIPANT_ROLES, 'Choose harmed person, person responsible or supporter'),
	supportsParticipantId: v.optional(recordId),
	name: requiredText('Enter their name', 200),
	preferredName: v.optional(optionalText(200)),
	language: requiredText('Enter the language they prefer', 100),
	interpreterNeeded: v.boolean('Say whether an interpreter is needed'),
	accessibilityNeeds: optionalText(2_000),
	safeContact: safeContactSchema,
	setting: v.picklist(['custody', 'community'], 'Choose custody or community'),
	prisonNumber: v.optional(v.pipe(v.string(), v.regex(PRISON_NUMBER, 'Use a prison number like A1234BC'))),
	establishmentId: v.optional(recordId),
	offenderManagerId: v.optional(recordId)
};

type ParticipantShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

export const participantSchema = v.pipe(
	v.strictObject(entries),
	v.forward(
		v.check((p: ParticipantShape) => p.role !== 'supporter' || p.supportsParticipantId !== undefined, 'Choose the person they support'),
		['supportsParticipantId']
	),
	v.forward(
		v.check((p: ParticipantShape) => p.setting !== 'custody' || p.prisonNumber !== undefined, 'Enter the prison number of a person in custody'),
		['prisonNumber']
	),
	v.forward(
		v.check((p: ParticipantShape) => p.setting !== 'custody' || p.establishmentId !== undefined, 'Choose the establishment they are held in'),
		['establishmentId']
	)
);

export type ParticipantRecord = v.InferOutput<typeof participantSchema>;

export function parseParticipant(input: unknown): Validated<ParticipantRecord> {
	return validate(participantSchema, input);
}

/** The name to use when speaking to or about the person. */
export function displayName(participant: Pick<ParticipantRecord, 'name' | 'preferredName'>): string {
	return participant.preferredName?.trim() || participant.name;
}
