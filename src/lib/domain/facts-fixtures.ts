import type { CaseFacts } from './case-facts.js';
import type { CaseRecord } from './case-record.js';
import type { CaseStage } from './case-stage.js';
import type { ConsentDecision, ConsentRecord } from './consent.js';
import type { ParticipantRecord, ParticipantRole } from './participant.js';
import type { RiskAssessmentRecord, RiskDecision } from './risk-assessment.js';

/** Typed builders of case facts for the lifecycle tests. Fictional throughout. */
export const CASE_ID = 'case-0001-abcd';
export const START = '2026-10-01T09:00:00.000Z';

export const daysAfter = (days: number, from = START) => new Date(Date.parse(from) + days * 86_400_000).toISOString();

const stamps = (at = START) => ({ createdAt: at, updatedAt: at, createdBy: 'user-facilitator-a', caseId: CASE_ID });

export function caseAt(stage: CaseStage, facilitatorIds = ['user-facilitator-a', 'user-facilitator-b']): CaseRecord {
	const { caseId: _ignored, ...rest } = stamps();
	return {
		type: 'case', v: 1, id: CASE_ID, reference: 'RJ-2026-0042', referralSource: 'offender-manager',
		justiceStage: 'custodial-sentence', stage, status: stage === 'closed' ? 'closed' : 'open',
		facilitatorIds, coordinatorId: 'user-coordinator', ...rest,
		...(stage === 'closed' ? { exitReason: 'completed' as const, exitDate: START } : {})
	};
}

export function person(id: string, role: ParticipantRole): ParticipantRecord {
	return {
		type: 'participant', v: 1, id, ...stamps(), role, name: `Person ${id}`, language: 'English', interpreterNeeded: false,
		accessibilityNeeds: '', setting: 'community',
		safeContact: { methods: ['phone'], safeTimes: '', voicemailAllowed: false, lettersToHomeAllowed: false, notes: '' },
		...(role === 'supporter' ? { supportsParticipantId: 'harmed-0001' } : {})
	};
}

export const HARMED = person('harmed-0001', 'harmed-person');
export const RESPONSIBLE = person('responsible-0001', 'person-responsible');
export const SUPPORTER = person('supporter-0001', 'supporter');

let serial = 0;
const nextId = (prefix: string) => `${prefix}-${String(++serial).padStart(6, '0')}`;

export function consent(participantId: string, decision: ConsentDecision, at = START): ConsentRecord {
	return {
		type: 'consent', v: 1, id: nextId('consent'), ...stamps(at), participantId, purpose: 'take-part', agencies: [],
		decision, decidedAt: at
	};
}

export function assessed(participantId: string, outcome: RiskDecision, completedAt = START): RiskAssessmentRecord {
	return {
		type: 'risk-assessment', v: 1, id: nextId('assessment'), ...stamps(completedAt), participantId,
		templateId: 'default-risk-checklist', templateVersion: 1, stage: 'assessment', status: 'completed', answers: {},
		decision: { outcome, reasons: `Decided ${outcome}`, decidedAt: completedAt, decidedBy: 'user-facilitator-a' },
		completedAt
	};
}

/** Both parties agreed and assessed "proceed" at START, at the given stage. */
export function readyFacts(stage: CaseStage, changes: Partial<CaseFacts> = {}): CaseFacts {
	return {
		case: caseAt(stage),
		participants: [HARMED, RESPONSIBLE],
		consents: [consent(HARMED.id, 'given'), consent(RESPONSIBLE.id, 'given')],
		assessments: [assessed(HARMED.id, 'proceed'), assessed(RESPONSIBLE.id, 'proceed')],
		...changes
	};
}
