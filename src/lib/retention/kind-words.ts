/** What each kind of record is called on screen. */
const KIND_WORDS: Record<string, string> = {
	case: 'Case record',
	participant: 'Participant',
	contact: 'Contact',
	'case-note': 'Case note',
	consent: 'Consent',
	'risk-assessment': 'Risk assessment',
	'assessment-review': 'Assessment review',
	letter: 'Letter',
	meeting: 'Meeting',
	'outcome-agreement': 'Outcome agreement',
	feedback: 'Feedback',
	referral: 'Declined referral'
};

export const kindWords = (kind: string): string => KIND_WORDS[kind] ?? 'Record';

export const actionWords = (action: 'delete' | 'anonymise'): string => (action === 'delete' ? 'Delete' : 'Remove identifying details');
