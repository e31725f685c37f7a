import type { CaseRecord } from './case-record.js';
import { currentConsent, hasWithdrawn, type ConsentRecord } from './consent.js';
import { refuse, type GateFailure } from './gate.js';
import { PARTICIPANT_ROLE_LABELS, PRINCIPAL_ROLES, type ParticipantRecord } from './participant.js';
import type { RiskAssessmentRecord } from './risk-assessment.js';
import type { ServicePolicy } from './service-policy.js';

/** Everything the lifecycle gates read about one case. */
export interface CaseFacts {
	case: CaseRecord;
	participants: readonly ParticipantRecord[];
	consents: readonly ConsentRecord[];
	assessments: readonly RiskAssessmentRecord[];
}

export type CommunicationMode = 'direct' | 'indirect';

const DAY_MS = 86_400_000;

/** The harmed people and people responsible who have not withdrawn. */
export function activePrincipals(facts: CaseFacts): ParticipantRecord[] {
	return facts.participants.filter(
		(p) => (PRINCIPAL_ROLES as readonly string[]).includes(p.role) && !hasWithdrawn(facts.consents, p.id)
	);
}

export function roleWords(participant: ParticipantRecord): string {
	return `the ${PARTICIPANT_ROLE_LABELS[participant.role]}`;
}

/** The latest completed assessment of a participant, by completion time then id. */
export function latestCompletedAssessment(facts: CaseFacts, participantId: string): RiskAssessmentRecord | undefined {
	return facts.assessments
		.filter((a) => a.participantId === participantId && a.status === 'completed' && a.completedAt && a.decision)
		.sort((a, b) => a.completedAt!.localeCompare(b.completedAt!) || a.id.localeCompare(b.id))
		.at(-1);
}

/** Whole days between two ISO timestamps. */
export function daysBetween(from: string, to: string): number {
	return Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function consentFailures(facts: CaseFacts, participant: ParticipantRecord): GateFailure[] {
	const who = roleWords(participant);
	const consent = currentConsent(facts.consents, participant.id, 'take-part');
	if (hasWithdrawn(facts.consents, participant.id))
		return [refuse('consent-withdrawn', `${capitalise(who)} has withdrawn from taking part`)];
	if (consent?.decision === 'refused') return [refuse('consent-refused', `${capitalise(who)} has not agreed to take part`)];
	if (consent?.decision !== 'given') return [refuse('consent-missing', `Record consent to take part from ${who}`)];
	return [];
}

/**
 * The risk gate: a completed assessment within the freshness window whose decision allows
 * the mode. "indirect only" allows indirect work; only "proceed" allows direct.
 */
export function riskFailures(
	facts: CaseFacts,
	participant: ParticipantRecord,
	mode: CommunicationMode,
	policy: ServicePolicy,
	now: string,
	purpose: string
): GateFailure[] {
	const who = roleWords(participant);
	const latest = latestCompletedAssessment(facts, participant.id);
	if (!latest) return [refuse('risk-assessment-missing', `Complete a risk assessment for ${who} before ${purpose}`)];
	const age = daysBetween(latest.completedAt!, now);
	if (age > policy.riskAssessmentFreshnessDays)
		return [refuse('risk-assessment-stale', `The risk assessment for ${who} is ${age} days old; reassess before ${purpose}`)];
	switch (latest.decision!.outcome) {
		case 'pause':
			return [refuse('risk-decision-pause', `The risk assessment for ${who} decided to pause: ${latest.decision!.reasons}`)];
		case 'not-suitable':
			return [refuse('risk-decision-not-suitable', `The risk assessment for ${who} found the case not suitable: ${latest.decision!.reasons}`)];
		case 'indirect-only':
			return mode === 'direct'
				? [refuse('risk-decision-indirect-only', `The risk assessment for ${who} allows indirect communication only`)]
				: [];
		case 'proceed':
			return [];
	}
}

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
