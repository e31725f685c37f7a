/**
 * Valid example records of every type, for tests here and elsewhere. Fictional throughout.
 * Each is a fresh object, so a test may change it freely.
 */
const at = '2026-10-01T09:00:00.000Z';
const stamps = { createdAt: at, updatedAt: at, createdBy: 'user-facilitator-a' };
const inCase = { ...stamps, caseId: 'case-0001-abcd' };

export const EXAMPLE_TIME = at;

export const exampleRecords = {
	case: () => ({
		type: 'case', v: 1, id: 'case-0001-abcd', reference: 'RJ-2026-0042', referralSource: 'offender-manager',
		justiceStage: 'custodial-sentence', offenceCategory: 'burglary', offenceDate: '2025-03-14', stage: 'assessment',
		status: 'open', facilitatorIds: ['user-facilitator-a', 'user-facilitator-b'], coordinatorId: 'user-coordinator', ...stamps
	}),
	participant: () => ({
		type: 'participant', v: 1, id: 'participant-pr-0001', ...inCase, role: 'person-responsible', name: 'Sam Example',
		preferredName: 'Sam', language: 'English', interpreterNeeded: false, accessibilityNeeds: '',
		safeContact: { methods: ['via-offender-manager'], safeTimes: 'Weekday mornings', voicemailAllowed: false, lettersToHomeAllowed: false, notes: '' },
		setting: 'custody', prisonNumber: 'A1234BC', establishmentId: 'establishment-0001', offenderManagerId: 'professional-0001'
	}),
	professional: () => ({
		type: 'professional', v: 1, id: 'professional-0001', ...stamps, role: 'offender-manager', name: 'Alex Example',
		organisation: 'Probation Service', email: 'alex@example.gov.uk', phone: '0113 496 0000', notes: ''
	}),
	establishment: () => ({
		type: 'establishment', v: 1, id: 'establishment-0001', ...stamps, name: 'HMP Example', securityCategory: 'B',
		visitRules: 'Legal visits hall, weekdays 09:30 to 11:30', devicesAuthorised: true, devicesAuthorisedUntil: '2027-03-31'
	}),
	contact: () => ({
		type: 'contact', v: 1, id: 'contact-0001-abcd', ...inCase, kind: 'visit', participantIds: ['participant-pr-0001'],
		professionalIds: [], place: 'HMP Example', occurredAt: at, outcome: 'completed', summary: 'First preparation visit.'
	}),
	'case-note': () => ({
		type: 'case-note', v: 1, id: 'note-0001-abcd', ...inCase, text: 'Sam asked what a meeting would be like.',
		aboutParticipantIds: ['participant-pr-0001']
	}),
	consent: () => ({
		type: 'consent', v: 1, id: 'consent-0001-abcd', ...inCase, participantId: 'participant-pr-0001', purpose: 'take-part',
		agencies: [], decision: 'given', decidedAt: at
	}),
	'risk-assessment': () => ({
		type: 'risk-assessment', v: 1, id: 'assessment-0001', ...inCase, participantId: 'participant-pr-0001',
		templateId: 'default-risk-checklist', templateVersion: 1, stage: 'assessment', status: 'draft',
		answers: { 'safety.physical-harm': { answer: 'no', narrative: 'Calm throughout.', source: 'Facilitator visit', mitigation: '' } }
	}),
	'assessment-review': () => ({
		type: 'assessment-review', v: 1, id: 'review-0001-abcd', ...inCase, createdBy: 'user-facilitator-b', assessmentId: 'assessment-0001',
		outcome: 'agreed', note: ''
	}),
	letter: () => ({
		type: 'letter', v: 1, id: 'letter-0001-abcd', ...inCase, fromParticipantId: 'participant-pr-0001',
		toParticipantId: 'participant-hp-0001', body: 'I want to say that I am sorry.', status: 'draft'
	}),
	meeting: () => ({
		type: 'meeting', v: 1, id: 'meeting-0001-abcd', ...inCase, scheduledFor: '2026-11-02T10:00:00.000Z',
		venue: { kind: 'prison-visits-hall', name: 'HMP Example visits hall', establishmentId: 'establishment-0001' },
		participantIds: ['participant-pr-0001', 'participant-hp-0001'], supporterIds: [],
		facilitatorIds: ['user-facilitator-a', 'user-facilitator-b'], groundRulesAgreed: true, plan: 'Breaks every 40 minutes.', status: 'planned'
	}),
	'outcome-agreement': () => ({
		type: 'outcome-agreement', v: 1, id: 'agreement-0001', ...inCase, agreedAt: at, monitoredBy: 'user-coordinator',
		actions: [{ id: 'a1', description: 'Write a letter of apology', who: 'Sam', byDate: '2026-12-01', status: 'open' }]
	}),
	feedback: () => ({
		type: 'feedback', v: 1, id: 'feedback-0001', ...inCase, anonymous: false, participantId: 'participant-hp-0001',
		role: 'harmed-person', satisfaction: 5, wouldRecommend: true, comments: 'I felt listened to.', receivedAt: at
	}),
	'paper-pack': () => ({
		type: 'paper-pack', v: 1, id: 'paper-pack-0001', ...inCase, printedAt: at, printedBy: 'user-facilitator-a', printedByName: 'Pat Facilitator',
		templateId: 'default-risk-checklist', templateVersion: 1, status: 'printed'
	})
};

export type ExampleType = keyof typeof exampleRecords;

/** A record as a test sees it: any field, at any depth, may be changed or removed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into nested fields freely
export type LooseRecord = Record<string, any>;

/** An example record with one change made to it. */
export function exampleWith(type: ExampleType, change: (record: LooseRecord) => void): Record<string, unknown> {
	const record: LooseRecord = exampleRecords[type]();
	change(record);
	return record;
}
