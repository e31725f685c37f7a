import type { CaseFacts } from '../domain/case-facts.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { ConsentRecord } from '../domain/consent.js';
import type { EstablishmentRecord } from '../domain/establishment.js';
import type { LetterRecord } from '../domain/letter.js';
import type { MeetingRecord } from '../domain/meeting.js';
import type { ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import type { RiskAssessmentRecord } from '../domain/risk-assessment.js';
import { ofType } from './case-facts-from-records.js';

/** One case's records sorted by kind, as the letters and meeting screens read them. */
export interface CaseView {
	case: CaseRecord | undefined;
	participants: ParticipantRecord[];
	consents: ConsentRecord[];
	assessments: RiskAssessmentRecord[];
	letters: LetterRecord[];
	meetings: MeetingRecord[];
}

const newestFirst = <T extends { createdAt: string; id: string }>(list: T[]) =>
	list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));

export function caseViewOf(records: readonly DomainRecord[]): CaseView {
	return {
		case: ofType(records, 'case')[0],
		participants: ofType(records, 'participant').sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
		consents: ofType(records, 'consent'),
		assessments: ofType(records, 'risk-assessment'),
		letters: newestFirst(ofType(records, 'letter')),
		meetings: ofType(records, 'meeting').sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor))
	};
}

/** What the domain's gates read; none until the case record itself is on the device. */
export function factsOf(view: CaseView): CaseFacts | undefined {
	return view.case && { case: view.case, participants: view.participants, consents: view.consents, assessments: view.assessments };
}

export function establishmentsOf(records: readonly DomainRecord[]): EstablishmentRecord[] {
	return ofType(records, 'establishment').sort((a, b) => a.name.localeCompare(b.name));
}
