import { describe, expect, it } from 'vitest';
import { assessed, consent, daysAfter, HARMED, readyFacts, RESPONSIBLE, SUPPORTER } from '../domain/facts-fixtures.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from '../domain/service-policy.js';
import { attendeeChecks, checkScheduling, scheduledForOf, type MeetingPlan, type PlanContext } from './meeting-plan.js';

const NOW = daysAfter(5);
const context: PlanContext = { id: 'meeting-0001-abcd', caseId: 'case-0001-abcd', by: 'user-facilitator-a', at: NOW, facilitatorIds: ['user-facilitator-a', 'user-facilitator-b'] };
const dayOf = (iso: string) => iso.slice(0, 10);
const plan = (changes: Partial<MeetingPlan> = {}): MeetingPlan => ({
	date: dayOf(daysAfter(10)), time: '10:30', venueKind: 'prison-visits-hall', venueName: 'Legal visits hall',
	establishmentId: 'establishment-0001', participantIds: [HARMED.id, RESPONSIBLE.id], supporterIds: [],
	groundRulesAgreed: true, plan: 'Break after 40 minutes.', ...changes
});
const reasons = (result: ReturnType<typeof checkScheduling>) => (result.ok ? [] : result.unmet.map((f) => f.reason));

describe('scheduling a meeting', () => {
	it('gives the meeting to save when every requirement holds', () => {
		const result = checkScheduling(readyFacts('communication'), plan(), context, POLICY);
		expect(result.ok && result.meeting).toMatchObject({ status: 'planned', venue: { establishmentId: 'establishment-0001' }, facilitatorIds: context.facilitatorIds });
	});

	it('is refused with the reason when an assessment is older than the service allows', () => {
		const facts = readyFacts('communication', { assessments: [assessed(HARMED.id, 'proceed', NOW), assessed(RESPONSIBLE.id, 'proceed', daysAfter(-40, NOW))] });
		expect(reasons(checkScheduling(facts, plan(), context, POLICY))).toEqual([
			'The risk assessment for the person responsible is 40 days old; reassess before the meeting'
		]);
	});

	it('warns when an assessment fresh today will be stale on the day of the meeting', () => {
		const late = plan({ date: dayOf(daysAfter(30)) });
		expect(reasons(checkScheduling(readyFacts('communication'), late, context, POLICY))).toEqual([
			'On the day of the meeting: the risk assessment for the harmed person is 30 days old; reassess before the meeting',
			'On the day of the meeting: the risk assessment for the person responsible is 30 days old; reassess before the meeting'
		]);
	});

	it('names the missing fields before judging the gate', () => {
		const result = checkScheduling(readyFacts('communication'), plan({ date: '', venueKind: 'prison-visits-hall', establishmentId: '', participantIds: [HARMED.id] }), context, POLICY);
		expect(result.ok ? [] : result.problems).toEqual([
			{ path: 'scheduledFor', message: 'Enter a date and time' },
			{ path: 'venue.establishmentId', message: 'Choose the establishment' },
			{ path: 'participantIds', message: 'Choose the people meeting' }
		]);
		expect(result.ok || result.unmet).toEqual([]);
		const venue = checkScheduling(readyFacts('communication'), plan({ establishmentId: '' }), context, POLICY);
		expect(venue.ok ? [] : venue.problems).toEqual([{ path: 'venue.establishmentId', message: 'Choose the establishment' }]);
	});

	it('needs ground rules and a risk-checked supporter who has agreed', () => {
		const facts = readyFacts('communication', { participants: [HARMED, RESPONSIBLE, SUPPORTER] });
		expect(reasons(checkScheduling(facts, plan({ groundRulesAgreed: false, supporterIds: [SUPPORTER.id] }), context, POLICY))).toEqual([
			'Agree ground rules with everyone attending before the meeting',
			'Record consent to take part from the supporter',
			'Complete a risk assessment for the supporter before the meeting'
		]);
	});
});

describe('attendee checks', () => {
	it('say for each person whether they agreed and how old their risk assessment is', () => {
		const facts = readyFacts('communication', { participants: [HARMED, RESPONSIBLE, SUPPORTER], consents: [consent(HARMED.id, 'given'), consent(RESPONSIBLE.id, 'given')] });
		const checks = attendeeChecks(facts, [HARMED.id, SUPPORTER.id], POLICY, NOW);
		expect(checks.map(({ name, consent, risk, ready }) => ({ name, consent, risk, ready }))).toEqual([
			{ name: 'Person harmed-0001 (harmed person)', consent: 'The harmed person has agreed to take part', risk: 'Risk assessment 5 days old: proceed to direct communication', ready: true },
			{ name: 'Person supporter-0001 (supporter)', consent: 'Record consent to take part from the supporter', risk: 'Complete a risk assessment for the supporter before the meeting', ready: false }
		]);
	});
});

describe('the date and time of a meeting', () => {
	it('is read from the form as a moment, or nothing when incomplete', () => {
		expect(scheduledForOf('2026-11-02', '10:30')).toBe(new Date('2026-11-02T10:30').toISOString());
		expect(scheduledForOf('2026-11-02', '')).toBeUndefined();
		expect(scheduledForOf('2 Nov', '10:30')).toBeUndefined();
		expect(scheduledForOf('2026-02-31', '10:00')).toBeUndefined();
	});
});
