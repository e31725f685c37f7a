import { CONSENT_PURPOSES, CONSENT_PURPOSE_LABELS, currentConsent, hasWithdrawn, type ConsentPurpose, type ConsentRecord } from '../domain/consent.js';
import type { ParticipantRecord } from '../domain/participant.js';

export interface PurposeState {
	purpose: ConsentPurpose;
	label: string;
	/** The decision that stands now; undefined when the person was never asked. */
	current?: ConsentRecord;
	/** Every decision for this purpose, latest first. */
	history: ConsentRecord[];
}

export interface ParticipantConsent {
	participant: ParticipantRecord;
	/** The withdrawal from taking part, if any: final for the case. */
	withdrawal?: ConsentRecord;
	purposes: PurposeState[];
}

const latestFirst = (a: ConsentRecord, b: ConsentRecord) =>
	b.decidedAt.localeCompare(a.decidedAt) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** Each participant's consent, purpose by purpose, as the domain reads it. */
export function consentOverview(participants: readonly ParticipantRecord[], consents: readonly ConsentRecord[]): ParticipantConsent[] {
	return participants.map((participant) => {
		const own = consents.filter((c) => c.participantId === participant.id);
		const withdrawal = hasWithdrawn(own, participant.id)
			? own.filter((c) => c.purpose === 'take-part' && c.decision === 'withdrawn').sort(latestFirst).at(-1)
			: undefined;
		return {
			participant,
			...(withdrawal ? { withdrawal } : {}),
			purposes: CONSENT_PURPOSES.map((purpose) => ({
				purpose,
				label: CONSENT_PURPOSE_LABELS[purpose],
				current: currentConsent(own, participant.id, purpose),
				history: own.filter((c) => c.purpose === purpose).sort(latestFirst)
			}))
		};
	});
}

export const DECISION_WORDS: Record<ConsentRecord['decision'], string> = {
	given: 'Given',
	refused: 'Refused',
	withdrawn: 'Withdrawn'
};
