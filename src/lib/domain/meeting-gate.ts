import { consentFailures, riskFailures, type CaseFacts } from './case-facts.js';
import { gate, refuse, type GateFailure, type Gated } from './gate.js';
import type { MeetingRecord } from './meeting.js';
import type { ServicePolicy } from './service-policy.js';
import { pendingClosure } from './withdrawal.js';

/**
 * What must hold on the day of a face-to-face meeting: the case in its communication stage,
 * ground rules agreed, and, for every party and supporter attending, consent and a fresh
 * "proceed" assessment.
 */
export function meetingFailures(facts: CaseFacts, meeting: MeetingRecord, policy: ServicePolicy, now: string): GateFailure[] {
	const failures: GateFailure[] = [];
	const pending = pendingClosure(facts);
	if (pending) failures.push(refuse('closure-pending', `${pending.because}; close the case`));
	if (facts.case.stage !== 'communication')
		failures.push(refuse('wrong-stage', 'A meeting takes place at the indirect communication or meeting stage'));
	if (meeting.status !== 'planned') failures.push(refuse('meeting-not-planned', 'Only a planned meeting can be held'));
	if (!meeting.groundRulesAgreed) failures.push(refuse('ground-rules-missing', 'Agree ground rules with everyone attending before the meeting'));
	for (const id of [...meeting.participantIds, ...meeting.supporterIds]) {
		const participant = facts.participants.find((p) => p.id === id);
		if (!participant) {
			failures.push(refuse('participant-missing', 'Someone attending the meeting is not on this case'));
			continue;
		}
		failures.push(...consentFailures(facts, participant), ...riskFailures(facts, participant, 'direct', policy, now, 'the meeting'));
	}
	return failures;
}

/** Records that the meeting took place, if every requirement holds at `at`. */
export function holdMeeting(facts: CaseFacts, meeting: MeetingRecord, policy: ServicePolicy, at: string): Gated<MeetingRecord> {
	return gate(meetingFailures(facts, meeting, policy, at), () => ({ ...meeting, status: 'held' as const, heldAt: at, updatedAt: at }));
}
