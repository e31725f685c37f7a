import type { AssessmentReviewRecord } from '../domain/assessment-review.js';
import type { CaseFacts } from '../domain/case-facts.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { ConsentRecord } from '../domain/consent.js';
import { displayName, PARTICIPANT_ROLE_LABELS, type ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import type { RiskAssessmentRecord } from '../domain/risk-assessment.js';
import { ofType } from './case-facts-from-records.js';

/** One case's records on the device, sorted by kind; `facts` is what the domain's gates read. */
export interface CaseFile {
	case?: CaseRecord;
	participants: ParticipantRecord[];
	consents: ConsentRecord[];
	assessments: RiskAssessmentRecord[];
	reviews: AssessmentReviewRecord[];
	facts?: CaseFacts;
}

export function caseFileFrom(records: readonly DomainRecord[]): CaseFile {
	const record = ofType(records, 'case')[0];
	const participants = ofType(records, 'participant').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	const consents = ofType(records, 'consent');
	const assessments = ofType(records, 'risk-assessment');
	const reviews = ofType(records, 'assessment-review');
	return {
		case: record,
		participants,
		consents,
		assessments,
		reviews,
		facts: record && { case: record, participants, consents, assessments }
	};
}

/** "Sam (person responsible)": the name to use, and the role in plain words. */
export function personLabel(participant: ParticipantRecord): string {
	return `${displayName(participant)} (${PARTICIPANT_ROLE_LABELS[participant.role]})`;
}

/**
 * Who wrote something, in words the facilitator can read offline: the device holds no staff
 * directory, only the case's own list of facilitators and coordinator.
 */
export function staffWords(userId: string, me: string, record: Pick<CaseRecord, 'facilitatorIds' | 'coordinatorId'> | undefined): string {
	if (userId === me) return 'you';
	if (record?.facilitatorIds.includes(userId)) return 'the other facilitator';
	if (record?.coordinatorId === userId) return 'the coordinator';
	return 'another member of staff';
}

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatMoment(iso: string): string {
	return dateTime.format(new Date(iso));
}
