import * as v from 'valibot';
import { assessmentReviewSchema } from './assessment-review.js';
import { caseRecordSchema } from './case-record.js';
import { caseNoteSchema } from './case-note.js';
import { checklistTemplateSchema } from './checklist-template.js';
import { consentSchema } from './consent.js';
import { contactSchema } from './contact.js';
import { establishmentSchema } from './establishment.js';
import { feedbackSchema } from './feedback.js';
import { letterSchema } from './letter.js';
import { meetingSchema } from './meeting.js';
import { outcomeAgreementSchema } from './outcome-agreement.js';
import { paperPackSchema } from './paper-pack.js';
import { participantSchema } from './participant.js';
import { professionalSchema } from './professional.js';
import { riskAssessmentSchema } from './risk-assessment.js';
import { validate, type Validated } from './validation.js';

/** Every stored document's schema, by its `type`. */
export const RECORD_SCHEMAS = {
	case: caseRecordSchema,
	participant: participantSchema,
	professional: professionalSchema,
	establishment: establishmentSchema,
	contact: contactSchema,
	'case-note': caseNoteSchema,
	consent: consentSchema,
	'checklist-template': checklistTemplateSchema,
	'risk-assessment': riskAssessmentSchema,
	'assessment-review': assessmentReviewSchema,
	letter: letterSchema,
	meeting: meetingSchema,
	'outcome-agreement': outcomeAgreementSchema,
	feedback: feedbackSchema,
	'paper-pack': paperPackSchema
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];

/** The tagged union of every stored document. */
export type DomainRecord = { [K in RecordType]: v.InferOutput<(typeof RECORD_SCHEMAS)[K]> }[RecordType];
export type RecordOf<K extends RecordType> = Extract<DomainRecord, { type: K }>;

/** Schema versions this build reads; a newer one came from a newer app and must not be mangled. */
export const SUPPORTED_VERSIONS: Record<RecordType, readonly number[]> = {
	case: [1], participant: [1], professional: [1], establishment: [1], contact: [1], 'case-note': [1], consent: [1],
	'checklist-template': [1], 'risk-assessment': [1], 'assessment-review': [1], letter: [1], meeting: [1], 'outcome-agreement': [1], feedback: [1],
	'paper-pack': [1]
};

/** Records kept outside any case's id range, shared by the whole service. */
export const SERVICE_RECORD_TYPES: readonly RecordType[] = ['professional', 'establishment', 'checklist-template'];

export function isRecordType(value: unknown): value is RecordType {
	return typeof value === 'string' && Object.hasOwn(RECORD_SCHEMAS, value);
}

/** Validates any stored document, choosing the schema by its `type` and `v`. */
export function parseRecord(input: unknown): Validated<DomainRecord> {
	const tag = typeof input === 'object' && input !== null ? (input as { type?: unknown; v?: unknown }) : {};
	if (!isRecordType(tag.type)) return { ok: false, problems: [{ path: 'type', message: 'This is not a kind of record Tandem knows' }] };
	if (typeof tag.v !== 'number' || !SUPPORTED_VERSIONS[tag.type].includes(tag.v))
		return {
			ok: false,
			problems: [{ path: 'v', message: 'This record was written by a newer version of Tandem; update the app to read it' }]
		};
	return validate(RECORD_SCHEMAS[tag.type], input) as Validated<DomainRecord>;
}
