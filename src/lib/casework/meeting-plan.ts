import { capitalise, consentFailures, daysBetween, latestCompletedAssessment, riskFailures, roleWords, type CaseFacts } from '../domain/case-facts.js';
import type { GateFailure } from '../domain/gate.js';
import { meetingFailures } from '../domain/meeting-gate.js';
import { parseMeeting, type MeetingRecord, VENUE_KINDS } from '../domain/meeting.js';
import { displayName, type ParticipantRecord } from '../domain/participant.js';
import { RISK_DECISION_LABELS } from '../domain/risk-assessment.js';
import type { ServicePolicy } from '../domain/service-policy.js';
import type { FieldProblem } from '../domain/validation.js';
import { fromLocalInput } from '../ui/date-time.js';

export type VenueKind = (typeof VENUE_KINDS)[number];

export const VENUE_KIND_LABELS: Record<VenueKind, string> = {
	'prison-visits-hall': 'Prison visits hall',
	'prison-other-room': 'Another room in the prison',
	'community-venue': 'Community venue',
	other: 'Somewhere else'
};

/** The preparation form as the person fills it in. */
export interface MeetingPlan {
	date: string;
	time: string;
	venueKind: VenueKind | '';
	venueName: string;
	establishmentId: string;
	participantIds: string[];
	supporterIds: string[];
	groundRulesAgreed: boolean;
	plan: string;
}

export interface PlanContext {
	id: string;
	caseId: string;
	by: string;
	at: string;
	facilitatorIds: readonly string[];
}

/** A local date and time from the form as an ISO timestamp, or undefined when either is missing. */
export function scheduledForOf(date: string, time: string): string | undefined {
	return fromLocalInput(`${date}T${time}`);
}

/** The meeting record the plan describes, for the domain schema to judge. */
export function meetingInput(plan: MeetingPlan, context: PlanContext): Record<string, unknown> {
	const scheduledFor = scheduledForOf(plan.date, plan.time);
	return {
		type: 'meeting', v: 1, id: context.id, caseId: context.caseId,
		createdAt: context.at, updatedAt: context.at, createdBy: context.by,
		...(scheduledFor ? { scheduledFor } : {}),
		venue: {
			...(plan.venueKind ? { kind: plan.venueKind } : {}),
			name: plan.venueName,
			...(plan.venueKind.startsWith('prison') && plan.establishmentId ? { establishmentId: plan.establishmentId } : {})
		},
		participantIds: plan.participantIds,
		supporterIds: plan.supporterIds,
		facilitatorIds: [...context.facilitatorIds],
		groundRulesAgreed: plan.groundRulesAgreed,
		plan: plan.plan,
		status: 'planned'
	};
}

/** Ignores the day counts so that "40 days old" today and "45 days old" on the day count as one. */
const sameRequirement = (a: GateFailure, b: GateFailure) => a.code === b.code && a.reason.replace(/\d+/g, '#') === b.reason.replace(/\d+/g, '#');

/**
 * Every requirement the meeting does not meet, today and on the day it is planned for: an
 * assessment fresh today may be stale by then.
 */
export function unmetRequirements(facts: CaseFacts, meeting: MeetingRecord, policy: ServicePolicy, now: string): GateFailure[] {
	const today = meetingFailures(facts, meeting, policy, now);
	if (meeting.scheduledFor <= now) return today;
	const onTheDay = meetingFailures(facts, meeting, policy, meeting.scheduledFor)
		.filter((f) => !today.some((t) => sameRequirement(t, f)))
		.map((f) => ({ ...f, reason: `On the day of the meeting: ${f.reason.charAt(0).toLowerCase()}${f.reason.slice(1)}` }));
	return [...today, ...onTheDay];
}

export type SchedulingCheck =
	| { ok: true; meeting: MeetingRecord }
	| { ok: false; problems: FieldProblem[]; unmet: GateFailure[] };

/** Scheduling is refused while the form is incomplete or any gate of the meeting is unmet. */
export function checkScheduling(facts: CaseFacts, plan: MeetingPlan, context: PlanContext, policy: ServicePolicy): SchedulingCheck {
	const parsed = parseMeeting(meetingInput(plan, context));
	if (!parsed.ok) return { ok: false, problems: parsed.problems, unmet: [] };
	const unmet = unmetRequirements(facts, parsed.value, policy, context.at);
	return unmet.length === 0 ? { ok: true, meeting: parsed.value } : { ok: false, problems: [], unmet };
}

export interface AttendeeCheck {
	participant: ParticipantRecord;
	name: string;
	consent: string;
	risk: string;
	ready: boolean;
}

/** Each attendee's consent and risk check, in words, from the same rules the meeting gate applies. */
export function attendeeChecks(facts: CaseFacts, ids: readonly string[], policy: ServicePolicy, now: string): AttendeeCheck[] {
	return ids.flatMap((id) => {
		const participant = facts.participants.find((p) => p.id === id);
		if (!participant) return [];
		const consent = consentFailures(facts, participant);
		const risk = riskFailures(facts, participant, 'direct', policy, now, 'the meeting');
		const latest = latestCompletedAssessment(facts, id);
		const riskOk = latest
			? `Risk assessment ${daysBetween(latest.completedAt!, now)} days old: ${RISK_DECISION_LABELS[latest.decision!.outcome].toLowerCase()}`
			: '';
		return [{
			participant,
			name: `${displayName(participant)} (${roleWords(participant).replace(/^the /, '')})`,
			consent: consent[0]?.reason ?? `${capitalise(roleWords(participant))} has agreed to take part`,
			risk: risk[0]?.reason ?? riskOk,
			ready: consent.length === 0 && risk.length === 0
		}];
	});
}
