import * as v from 'valibot';
import { caseId, recordId } from '../domain/fields.js';
import type { ParticipantRole } from '../domain/participant.js';

/** Searching participants by name, preferred name, prison number or case reference. */
export const subjectSearchQuerySchema = v.strictObject({
	q: v.pipe(
		v.string('Enter a name, prison number or case reference'),
		v.trim(),
		v.minLength(2, 'Enter at least 2 letters of a name, a prison number or a case reference'),
		v.maxLength(100, 'Keep the search under 100 characters')
	)
});

export interface SubjectMatch {
	caseId: string;
	caseReference: string;
	caseStatus: 'open' | 'closed';
	participantId: string;
	name: string;
	preferredName?: string;
	role: ParticipantRole;
	prisonNumber?: string;
}

export interface SubjectSearchResponse {
	matches: SubjectMatch[];
}

/** The participant records that are the one person asking: one per case they are in. */
const participantsSchema = v.pipe(
	v.array(v.strictObject({ caseId, participantId: recordId }), 'Choose the person’s records'),
	v.minLength(1, 'Choose at least one record of the person'),
	v.maxLength(20, 'Choose at most 20 records at a time'),
	v.check((list) => new Set(list.map((p) => `${p.caseId}/${p.participantId}`)).size === list.length, 'Choose each record once')
);

export const subjectReviewRequestSchema = v.strictObject({ participants: participantsSchema });
export type SubjectReviewRequest = v.InferOutput<typeof subjectReviewRequestSchema>;

export const subjectExportRequestSchema = v.strictObject({
	participants: participantsSchema,
	/** Keys of the review's items the coordinator decided not to release. */
	exclude: v.pipe(v.array(v.pipe(v.string('Choose an item from the review'), v.maxLength(200))), v.maxLength(2_000))
});
export type SubjectExportRequest = v.InferOutput<typeof subjectExportRequestSchema>;

export const SUBJECT_SECTIONS = [
	'details',
	'cases',
	'notes',
	'contacts',
	'consents',
	'assessments',
	'letters',
	'meetings',
	'agreements',
	'feedback'
] as const;
export type SubjectSection = (typeof SUBJECT_SECTIONS)[number];

export const SUBJECT_SECTION_HEADINGS: Record<SubjectSection, string> = {
	details: 'Your details as we hold them',
	cases: 'Your cases',
	notes: 'Case notes about you',
	contacts: 'Contacts and visits',
	consents: 'Your consent decisions',
	assessments: 'Risk and suitability assessments',
	letters: 'Letters',
	meetings: 'Meetings',
	agreements: 'Outcome agreements',
	feedback: 'Feedback you gave'
};

export interface SubjectField {
	label: string;
	value: string;
}

/** One record as it would be released: other people's names already hidden. */
export interface SubjectItem {
	/** For choosing items to leave out; never printed. */
	key: string;
	section: SubjectSection;
	caseReference: string;
	title: string;
	/** A plain UK date, e.g. "3 March 2026". */
	date: string;
	fields: SubjectField[];
	/** Why a person should read it before release; empty when nothing about it concerns anyone else. */
	reviewReasons: string[];
	/** How many mentions of other people's names were hidden. */
	redactions: number;
}

/** One line of the log of who looked at or changed the person's information. */
export interface SubjectAccessLine {
	caseReference: string;
	when: string;
	who: string;
	what: string;
	device: string;
	how: string;
}

export interface SubjectReviewResponse {
	name: string;
	caseReferences: string[];
	items: SubjectItem[];
	access: SubjectAccessLine[];
}

export interface SubjectExportCounts {
	items: number;
	redacted: number;
	excluded: number;
	accessLines: number;
}

/** The machine-readable copy: what the HTML shows, without keys or review notes. */
export interface SubjectExportDocument {
	title: string;
	producedOn: string;
	name: string;
	caseReferences: string[];
	sections: { heading: string; items: { caseReference: string; title: string; date: string; fields: SubjectField[] }[] }[];
	access: SubjectAccessLine[];
}

export interface SubjectExportResponse {
	fileStem: string;
	html: string;
	document: SubjectExportDocument;
	counts: SubjectExportCounts;
}
