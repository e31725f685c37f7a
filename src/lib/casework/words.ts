import type { CONTACT_KINDS, CONTACT_OUTCOMES } from '../domain/contact.js';
import type { LETTER_STATUSES } from '../domain/letter.js';
import type { MEETING_STATUSES } from '../domain/meeting.js';
import type { CONTACT_METHODS } from '../domain/participant.js';

/** Screen words for the domain's codes: no code ever shows as it is stored. */
export const CONTACT_KIND_LABELS: Record<(typeof CONTACT_KINDS)[number], string> = {
	visit: 'Visit',
	'phone-call': 'Phone call',
	'text-message': 'Text message',
	email: 'Email',
	letter: 'Letter',
	meeting: 'Meeting',
	other: 'Other'
};

export const CONTACT_OUTCOME_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], string> = {
	completed: 'Went ahead',
	'no-answer': 'No answer',
	'left-message': 'Left a message',
	cancelled: 'Cancelled',
	declined: 'They declined',
	other: 'Other'
};

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
	phone: 'phone',
	'text-message': 'text message',
	email: 'email',
	letter: 'letter',
	'via-offender-manager': 'through their offender manager',
	'in-person': 'in person'
};

export const LETTER_STATUS_LABELS: Record<(typeof LETTER_STATUSES)[number], string> = {
	draft: 'draft',
	reviewed: 'reviewed',
	sent: 'sent',
	'not-sent': 'kept, not sent'
};

export const MEETING_STATUS_LABELS: Record<(typeof MEETING_STATUSES)[number], string> = {
	planned: 'planned',
	held: 'held',
	cancelled: 'cancelled'
};
