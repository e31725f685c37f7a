import { daysBetween, latestCompletedAssessment, type CaseFacts } from './case-facts.js';
import { hasWithdrawn } from './consent.js';
import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage } from './case-stage.js';
import type { GateFailure } from './gate.js';
import { transition, type TransitionRequest } from './lifecycle.js';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRecord } from './participant.js';
import type { ServicePolicy } from './service-policy.js';
import { pendingClosure } from './withdrawal.js';

/** What a case needs next, in words for the person holding the tablet. */
export interface NextStep {
	/** One short sentence for a list: the first thing to do. */
	summary: string;
	/** The stage the case can move to next, if any. */
	nextStage?: CaseStage;
	/** Every requirement of the next gate still missing, in the gate's order; empty when it is met. */
	needs: string[];
}

const reasons = (failures: readonly GateFailure[]) => [...new Set(failures.map((f) => f.reason))];
const stageWords = (stage: CaseStage) => CASE_STAGE_LABELS[stage].toLowerCase();

function failuresFor(facts: CaseFacts, request: TransitionRequest, policy: ServicePolicy, now: string): GateFailure[] {
	const result = transition(facts, request, policy, now, 'next-step');
	return result.ok ? [] : result.failures;
}

/**
 * Asks the lifecycle gates what stands between the case and its next stage. From assessment,
 * indirect communication needs less than a meeting, so a case ready only for that says so.
 */
export function nextStep(facts: CaseFacts, policy: ServicePolicy, now: string): NextStep {
	const { stage, status } = facts.case;
	if (status === 'closed') return { summary: 'Closed: nothing more to do', needs: [] };
	const pending = pendingClosure(facts);
	if (pending) return { summary: `${pending.because}: the coordinator closes the case`, needs: [`${pending.because}; close the case`] };
	if (stage === 'outcome') return { summary: 'Follow up with both parties, then close the case', nextStage: 'closed', needs: [] };
	const next = CASE_STAGES[CASE_STAGES.indexOf(stage) + 1]!;
	if (next === 'communication') {
		const direct = reasons(failuresFor(facts, { to: 'communication', mode: 'direct' }, policy, now));
		const indirect = reasons(failuresFor(facts, { to: 'communication', mode: 'indirect' }, policy, now));
		if (direct.length === 0) return { summary: 'Ready for a meeting or indirect communication', nextStage: next, needs: [] };
		if (indirect.length === 0)
			return { summary: 'Ready for indirect communication; a meeting needs more', nextStage: next, needs: direct };
		return { summary: indirect[0]!, nextStage: next, needs: indirect };
	}
	const needs = reasons(failuresFor(facts, { to: next } as TransitionRequest, policy, now));
	if (stage === 'communication')
		return { summary: 'Hold the meeting or exchange letters, then record the outcome', nextStage: next, needs };
	return { summary: needs[0] ?? `Ready to move to ${stageWords(next)}`, nextStage: next, needs };
}

/** A completed risk assessment older than the service allows: reassess before the next gate. */
export interface OverdueReview {
	participant: ParticipantRecord;
	ageDays: number;
	/** e.g. "The harmed person's risk assessment is 40 days old (review every 28 days)". */
	message: string;
}

/** Every active party whose latest completed assessment has gone stale, oldest first. */
export function overdueRiskReviews(facts: CaseFacts, policy: ServicePolicy, now: string): OverdueReview[] {
	if (facts.case.status === 'closed') return [];
	return facts.participants
		.filter((p) => !hasWithdrawn(facts.consents, p.id))
		.flatMap((participant) => {
			const latest = latestCompletedAssessment(facts, participant.id);
			if (!latest) return [];
			const ageDays = daysBetween(latest.completedAt!, now);
			if (ageDays <= policy.riskAssessmentFreshnessDays) return [];
			const who = `The ${PARTICIPANT_ROLE_LABELS[participant.role]}’s`;
			return [{ participant, ageDays, message: `${who} risk assessment is ${ageDays} days old (review every ${policy.riskAssessmentFreshnessDays} days)` }];
		})
		.sort((a, b) => b.ageDays - a.ageDays);
}
