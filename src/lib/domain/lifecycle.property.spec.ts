import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-facts.js';
import { CASE_STAGES } from './case-stage.js';
import { CONSENT_DECISIONS } from './consent.js';
import { assessed, consent, daysAfter, HARMED, readyFacts, RESPONSIBLE, START, SUPPORTER } from './facts-fixtures.js';
import { transition, type TransitionRequest } from './lifecycle.js';
import { holdMeeting } from './meeting-gate.js';
import { exampleRecords } from './record-fixtures.js';
import type { MeetingRecord } from './meeting.js';
import { RISK_DECISIONS } from './risk-assessment.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from './service-policy.js';
import { pendingClosure, withdraw } from './withdrawal.js';

const PEOPLE = [HARMED, RESPONSIBLE, SUPPORTER];
const who = fc.integer({ min: 0, max: 2 });
// Days cluster around the 28-day freshness edge, where an off-by-one would hide.
const days = fc.oneof(fc.integer({ min: 0, max: 35 }), fc.constantFrom(27, 28, 29));

const requestArb: fc.Arbitrary<TransitionRequest> = fc.oneof(
	fc.constantFrom(...CASE_STAGES.filter((s) => s !== 'communication' && s !== 'closed')).map((to) => ({ to }) as TransitionRequest),
	fc.constantFrom('direct', 'indirect').map((mode) => ({ to: 'communication', mode }) as const),
	fc.constantFrom(undefined, 'completed', 'other').map((exitReason) => ({ to: 'closed', ...(exitReason ? { exitReason } : {}) }) as TransitionRequest)
);

const actionArb = fc.oneof(
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('time' as const), days }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('consent' as const), who, decision: fc.constantFrom(...CONSENT_DECISIONS) }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('assess' as const), who, outcome: fc.constantFrom(...RISK_DECISIONS), age: days }) },
	{ weight: 4, arbitrary: fc.record({ kind: fc.constant('move' as const), request: requestArb }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('meeting' as const), withSupporter: fc.boolean(), groundRules: fc.boolean() }) }
);
type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

interface World {
	facts: CaseFacts;
	now: string;
}

/** A case at a stage, either bare or with both parties agreed and assessed "proceed" at START. */
const start = (stage: (typeof CASE_STAGES)[number], ready: boolean): World => ({
	facts: readyFacts(stage, ready ? { participants: PEOPLE } : { participants: PEOPLE, consents: [], assessments: [] }),
	now: START
});

/** The oracle, written apart from the gates: latest completed run says proceed and is ≤ 28 whole days old. */
function freshProceed(facts: CaseFacts, participantId: string, now: string): boolean {
	const runs = facts.assessments
		.filter((a) => a.participantId === participantId && a.status === 'completed')
		.sort((a, b) => a.completedAt!.localeCompare(b.completedAt!) || a.id.localeCompare(b.id));
	const latest = runs.at(-1);
	if (!latest || latest.decision?.outcome !== 'proceed') return false;
	return (Date.parse(now) - Date.parse(latest.completedAt!)) / 86_400_000 < POLICY.riskAssessmentFreshnessDays + 1;
}

const withdrawn = (facts: CaseFacts, id: string) => facts.consents.some((c) => c.participantId === id && c.decision === 'withdrawn');

function meetingFor(withSupporter: boolean, groundRulesAgreed: boolean): MeetingRecord {
	const supporterIds = withSupporter ? [SUPPORTER.id] : [];
	return { ...exampleRecords.meeting(), participantIds: [HARMED.id, RESPONSIBLE.id], supporterIds, groundRulesAgreed } as MeetingRecord;
}

let meetingsHeld = 0;

/** Applies one action; checks the safety property whenever direct work starts or a meeting is held. */
function step(world: World, action: Action): World {
	const { facts, now } = world;
	const pick = (i: number) => PEOPLE[i]!.id;
	switch (action.kind) {
		case 'time':
			return { facts, now: daysAfter(action.days, now) };
		case 'consent':
			return { facts: { ...facts, consents: [...facts.consents, consent(pick(action.who), action.decision, now)] }, now };
		case 'assess':
			return { facts: { ...facts, assessments: [...facts.assessments, assessed(pick(action.who), action.outcome, daysAfter(-action.age, now))] }, now };
		case 'move': {
			const result = transition(facts, action.request, POLICY, now, 'user-coordinator');
			if (!result.ok) return world;
			if (action.request.to === 'communication' && action.request.mode === 'direct')
				for (const p of [HARMED, RESPONSIBLE]) expect(freshProceed(facts, p.id, now) && !withdrawn(facts, p.id)).toBe(true);
			return { facts: { ...facts, case: result.value }, now };
		}
		case 'meeting': {
			const meeting = meetingFor(action.withSupporter, action.groundRules);
			const result = holdMeeting(facts, meeting, POLICY, now);
			if (result.ok) {
				meetingsHeld += 1;
				for (const id of [...meeting.participantIds, ...meeting.supporterIds])
					expect(freshProceed(facts, id, now) && !withdrawn(facts, id)).toBe(true);
			}
			return world;
		}
	}
}

const stageArb = fc.constantFrom(...CASE_STAGES.filter((s) => s !== 'closed'));

describe('the lifecycle, under any sequence of changes', () => {
	it('never reaches direct work or a held meeting without a fresh "proceed" for every person attending', () => {
		meetingsHeld = 0;
		fc.assert(
			fc.property(stageArb, fc.boolean(), fc.array(actionArb, { maxLength: 40 }), (stage, ready, actions) => {
				actions.reduce(step, start(stage, ready));
			}),
			{ numRuns: 1000 }
		);
		// The property means something only if some runs got as far as a meeting.
		expect(meetingsHeld).toBeGreaterThan(0);
	});

	it('always lets either party withdraw from an open case, which then can only close', () => {
		fc.assert(
			fc.property(stageArb, fc.boolean(), fc.array(actionArb, { maxLength: 30 }), fc.constantFrom(HARMED, RESPONSIBLE), (stage, ready, actions, party) => {
				const { facts, now } = actions.reduce(step, start(stage, ready));
				fc.pre(facts.case.status === 'open');
				const result = withdraw(facts, { id: 'consent-final-0001', participantId: party.id, decidedAt: now, at: now, by: 'user-facilitator-a' });
				expect(result.ok).toBe(true);
				if (!result.ok) return;
				const after = { ...facts, consents: [...facts.consents, result.value] };
				// The other party's earlier withdrawal or a "not suitable" decision may be the reason given.
				expect(['withdrawn-by-harmed-person', 'withdrawn-by-person-responsible', 'unsuitable']).toContain(pendingClosure(after)?.exitReason);
				for (const to of CASE_STAGES.filter((s) => s !== 'closed' && s !== 'communication'))
					expect(transition(after, { to } as TransitionRequest, POLICY, now, 'c').ok).toBe(false);
				expect(transition(after, { to: 'communication', mode: 'indirect' }, POLICY, now, 'c').ok).toBe(false);
				const closed = transition(after, { to: 'closed' }, POLICY, now, 'c');
				expect(closed.ok && closed.value.status).toBe('closed');
			}),
			{ numRuns: 1000 }
		);
	});
});
