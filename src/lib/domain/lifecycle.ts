import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage } from './case-stage.js';
import type { CaseRecord, ExitReason } from './case-record.js';
import { activePrincipals, consentFailures, riskFailures, type CaseFacts, type CommunicationMode } from './case-facts.js';
import { gate, refuse, type GateFailure, type Gated } from './gate.js';
import { PARTICIPANT_ROLE_LABELS, PRINCIPAL_ROLES } from './participant.js';
import { referralFailures, type ServicePolicy } from './service-policy.js';
import { pendingClosure } from './withdrawal.js';

export type TransitionRequest =
	| { to: 'initial-contact' | 'assessment' | 'outcome' }
	| { to: 'communication'; mode: CommunicationMode }
	/** Without an exit reason, the pending closure's reason is used. */
	| { to: 'closed'; exitReason?: ExitReason; note?: string }
	| { to: 'referral' };

const indexOf = (stage: CaseStage) => CASE_STAGES.indexOf(stage);
const label = (stage: CaseStage) => CASE_STAGE_LABELS[stage].toLowerCase();

function orderFailures(from: CaseStage, to: CaseStage): GateFailure[] {
	if (from === to) return [refuse('stage-unchanged', `The case is already at ${label(to)}`)];
	// Going back is allowed only to reassess: new information, a transfer or a pause.
	if (indexOf(to) < indexOf(from))
		return to === 'assessment'
			? []
			: [refuse('stage-backwards', 'A case can go back only to assessment and preparation, to reassess')];
	const next = CASE_STAGES[indexOf(from) + 1]!;
	return to === next ? [] : [refuse('stage-skipped', `A case moves one stage at a time: from ${label(from)} it goes to ${label(next)}`)];
}

function intoAssessment(facts: CaseFacts, policy: ServicePolicy): GateFailure[] {
	const failures: GateFailure[] = [];
	const missing = policy.facilitatorsPerCase - facts.case.facilitatorIds.length;
	if (missing > 0) failures.push(refuse('facilitators-missing', `Assign ${missing === 1 ? 'one more facilitator' : `${missing} facilitators`} before assessment and preparation`));
	const principals = activePrincipals(facts);
	if (principals.length === 0) return [...failures, refuse('participant-missing', 'Add the person contacted to the case')];
	// The person contacted first may be either party: one principal's consent opens assessment.
	if (!principals.some((p) => consentFailures(facts, p).length === 0))
		failures.push(refuse('consent-missing', 'Record consent to take part from the person contacted before assessment and preparation'));
	return failures;
}

function intoCommunication(facts: CaseFacts, mode: CommunicationMode, policy: ServicePolicy, now: string): GateFailure[] {
	const principals = activePrincipals(facts);
	const purpose = mode === 'direct' ? 'a meeting' : 'indirect communication';
	const missingRoles = PRINCIPAL_ROLES.filter((role) => !principals.some((p) => p.role === role)).map((role) =>
		refuse('participant-missing', `Add the ${PARTICIPANT_ROLE_LABELS[role]} to the case before ${purpose}`)
	);
	const each = principals.flatMap((p) => [...consentFailures(facts, p), ...riskFailures(facts, p, mode, policy, now, purpose)]);
	return [...missingRoles, ...each];
}

function requestFailures(facts: CaseFacts, request: TransitionRequest, policy: ServicePolicy, now: string): GateFailure[] {
	switch (request.to) {
		case 'initial-contact':
			return referralFailures(facts.case, policy);
		case 'assessment':
			return facts.case.stage === 'initial-contact' ? intoAssessment(facts, policy) : [];
		case 'communication':
			return intoCommunication(facts, request.mode, policy, now);
		default:
			return [];
	}
}

/**
 * Moves a case to another stage, or says every requirement still missing. `at` is the
 * device or server time of the change; `by` the person making it.
 */
export function transition(facts: CaseFacts, request: TransitionRequest, policy: ServicePolicy, at: string, by: string): Gated<CaseRecord> {
	const record = facts.case;
	if (record.status === 'closed') return gate([refuse('case-closed', 'This case is closed')], () => record);
	if (request.to === 'closed') {
		const exitReason = request.exitReason ?? pendingClosure(facts)?.exitReason;
		return gate(exitReason ? [] : [refuse('exit-reason-missing', 'Choose a reason for closing the case')], () => ({
			...record,
			stage: 'closed' as const,
			status: 'closed' as const,
			exitReason: exitReason!,
			exitDate: at,
			stageHistory: [...(record.stageHistory ?? []), { stage: 'closed' as const, at }],
			...(request.note ? { exitNote: request.note } : {}),
			updatedAt: at,
			updatedBy: by
		}));
	}
	const pending = pendingClosure(facts);
	const failures = pending
		? [refuse('closure-pending', `${pending.because}; close the case`)]
		: [...orderFailures(record.stage, request.to), ...requestFailures(facts, request, policy, at)];
	const entry = request.to === 'communication' ? { stage: request.to, at, mode: request.mode } : { stage: request.to, at };
	return gate(failures, () => ({ ...record, stage: request.to, stageHistory: [...(record.stageHistory ?? []), entry], updatedAt: at, updatedBy: by }));
}
