import type { RecordType } from '../../domain/records.js';

/** What each kind of record is called on screen. */
export const RECORD_NAMES: Record<RecordType, string> = {
	case: 'case details',
	participant: 'person',
	professional: 'professional',
	establishment: 'establishment',
	contact: 'contact or visit',
	'case-note': 'case note',
	consent: 'consent',
	'checklist-template': 'checklist',
	'risk-assessment': 'risk assessment',
	'assessment-review': 'review of a risk assessment',
	letter: 'letter',
	meeting: 'meeting',
	'outcome-agreement': 'outcome agreement',
	feedback: 'feedback',
	'paper-pack': 'paper pack'
};

/** Human names of fields, shared where a field means the same on several records. */
const COMMON: Record<string, string> = {
	name: 'Name',
	status: 'Status',
	stage: 'Stage',
	notes: 'Notes',
	outcome: 'Outcome',
	summary: 'Summary',
	participantIds: 'People',
	facilitatorIds: 'Facilitators',
	establishmentId: 'Establishment',
	updatedAt: 'Last changed',
	createdAt: 'Made on'
};

const BY_TYPE: Partial<Record<RecordType, Record<string, string>>> = {
	case: {
		referralSource: 'Referred by', justiceStage: 'Stage in the justice process', offenceCategory: 'Kind of offence',
		offenceDate: 'Date of the offence', coordinatorId: 'Coordinator', exitReason: 'Reason the case ended', exitDate: 'Date the case ended',
		exitNote: 'Note on the case ending'
	},
	participant: {
		preferredName: 'Preferred name', language: 'Language', interpreterNeeded: 'Interpreter needed', accessibilityNeeds: 'Access needs',
		safeContact: 'Safe contact', setting: 'Custody or community', prisonNumber: 'Prison number', offenderManagerId: 'Offender manager',
		supportsParticipantId: 'Supports', 'safeContact.methods': 'Safe ways to make contact', 'safeContact.safeTimes': 'Safe times to call',
		'safeContact.voicemailAllowed': 'Voicemail allowed', 'safeContact.lettersToHomeAllowed': 'Letters to home allowed', 'safeContact.notes': 'Safe contact notes'
	},
	professional: { role: 'Role', organisation: 'Organisation', email: 'Email', phone: 'Phone' },
	establishment: { securityCategory: 'Security category', visitRules: 'Visit rules', devicesAuthorised: 'Tablets allowed in', devicesAuthorisedUntil: 'Tablets allowed until' },
	contact: { kind: 'Kind of contact', professionalIds: 'Professionals', place: 'Where', occurredAt: 'When' },
	'risk-assessment': { answers: 'Answers', decision: 'Decision', completedAt: 'Completed on' },
	letter: { toParticipantId: 'Who it is to', body: 'Letter text', reviewedBy: 'Reviewed by', reviewedAt: 'Reviewed on', reviewNote: 'Review note', sentAt: 'Sent on', deliveredOn: 'Delivered on' },
	meeting: {
		scheduledFor: 'Date and time', venue: 'Venue', supporterIds: 'Supporters', groundRulesAgreed: 'Ground rules agreed', plan: 'Plan',
		heldAt: 'Held on', 'venue.kind': 'Kind of venue', 'venue.name': 'Venue name', 'venue.establishmentId': 'Venue establishment'
	},
	'outcome-agreement': { meetingId: 'Meeting', agreedAt: 'Agreed on', actions: 'Actions', monitoredBy: 'Monitored by', completionReportedToHarmedPersonAt: 'Completion reported to the harmed person on' }
};

/** "preferredName" → "Preferred name"; an unknown field is spelt out from its camel case. */
function spelt(field: string): string {
	const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_.]/g, ' ').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The name a person sees for a field, or one key of a field (`['answers', 'safety.physical-harm']`). */
export function fieldName(type: RecordType, path: readonly string[]): string {
	const [field = '', key] = path;
	const names = BY_TYPE[type] ?? {};
	if (key === undefined) return names[field] ?? COMMON[field] ?? spelt(field);
	const joined = names[`${field}.${key}`];
	if (joined) return joined;
	// Checklist answers are keyed `section.question`: say which question, in words.
	if (type === 'risk-assessment' && field === 'answers') return `Answer to “${spelt(key.split('.').pop() ?? key)}”`;
	return `${names[field] ?? COMMON[field] ?? spelt(field)}: ${spelt(key)}`;
}
