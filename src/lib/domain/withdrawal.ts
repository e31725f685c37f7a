import type { ExitReason } from './case-record.js';
import { activePrincipals, capitalise, latestCompletedAssessment, roleWords, type CaseFacts } from './case-facts.js';
import type { ConsentRecord } from './consent.js';
import { gate, refuse, type Gated } from './gate.js';
import { PRINCIPAL_ROLES } from './participant.js';

export interface PendingClosure {
	exitReason: ExitReason;
	because: string;
}

const WITHDRAWN_REASON = {
	'harmed-person': 'withdrawn-by-harmed-person',
	'person-responsible': 'withdrawn-by-person-responsible'
} as const satisfies Record<(typeof PRINCIPAL_ROLES)[number], ExitReason>;

/**
 * Why an open case must now close, if it must: every harmed person (or every person
 * responsible) has withdrawn, or an assessment found the case not suitable. The case is
 * not closed by this; a coordinator closes it with the reason, and nothing is deleted.
 */
export function pendingClosure(facts: CaseFacts): PendingClosure | undefined {
	if (facts.case.status === 'closed') return undefined;
	const active = activePrincipals(facts);
	for (const role of PRINCIPAL_ROLES) {
		const ofRole = facts.participants.filter((p) => p.role === role);
		if (ofRole.length > 0 && !active.some((p) => p.role === role))
			return { exitReason: WITHDRAWN_REASON[role], because: capitalise(`${roleWords(ofRole[0]!)} has withdrawn`) };
	}
	for (const participant of active) {
		const latest = latestCompletedAssessment(facts, participant.id);
		if (latest?.decision?.outcome === 'not-suitable')
			return { exitReason: 'unsuitable', because: `The risk assessment for ${roleWords(participant)} found the case not suitable` };
	}
	return undefined;
}

export interface Withdraw {
	id: string;
	participantId: string;
	/** When the person said so. */
	decidedAt: string;
	/** When it was written down. */
	at: string;
	by: string;
	note?: string;
}

/**
 * Records a withdrawal from taking part. Always possible, at every stage, with no reason
 * asked; refused only for someone who is not on the case.
 */
export function withdraw(facts: CaseFacts, input: Withdraw): Gated<ConsentRecord> {
	const known = facts.participants.some((p) => p.id === input.participantId);
	return gate(known ? [] : [refuse('participant-missing', 'Choose a participant on this case')], () => ({
		type: 'consent' as const,
		v: 1 as const,
		id: input.id,
		caseId: facts.case.id,
		participantId: input.participantId,
		purpose: 'take-part' as const,
		agencies: [],
		decision: 'withdrawn' as const,
		decidedAt: input.decidedAt,
		createdAt: input.at,
		updatedAt: input.at,
		createdBy: input.by,
		...(input.note ? { note: input.note } : {})
	}));
}
