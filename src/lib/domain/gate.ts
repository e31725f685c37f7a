/** Why a change was refused: a stable code for software and a sentence for people. */
export type GateCode =
	| 'case-closed'
	| 'stage-skipped'
	| 'stage-backwards'
	| 'stage-unchanged'
	| 'referral-excluded'
	| 'exit-reason-missing'
	| 'closure-pending'
	| 'facilitators-missing'
	| 'participant-missing'
	| 'consent-missing'
	| 'consent-refused'
	| 'consent-withdrawn'
	| 'risk-assessment-missing'
	| 'risk-assessment-stale'
	| 'risk-decision-pause'
	| 'risk-decision-not-suitable'
	| 'risk-decision-indirect-only'
	| 'assessment-completed'
	| 'template-mismatch'
	| 'question-unanswered'
	| 'mitigation-missing'
	| 'assessment-not-completed'
	| 'assessment-reviewer-is-assessor'
	| 'letter-not-reviewed'
	| 'letter-reviewer-is-author'
	| 'letter-already-final'
	| 'letter-already-reviewed'
	| 'meeting-not-planned'
	| 'ground-rules-missing'
	| 'wrong-stage';

export interface GateFailure {
	code: GateCode;
	reason: string;
}

/** A gate's answer: the changed value, or every requirement still missing (at least one). */
export type Gated<T> = { ok: true; value: T } | { ok: false; failures: [GateFailure, ...GateFailure[]] };

export function refuse(code: GateCode, reason: string): GateFailure {
	return { code, reason };
}

/** Passes when nothing failed; otherwise returns every failure, in the order found. */
export function gate<T>(failures: readonly GateFailure[], value: () => T): Gated<T> {
	const [first, ...rest] = failures;
	return first ? { ok: false, failures: [first, ...rest] } : { ok: true, value: value() };
}
