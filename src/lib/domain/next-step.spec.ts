import { describe, expect, it } from 'vitest';
import { assessed, caseAt, consent, daysAfter, HARMED, readyFacts, RESPONSIBLE, SUPPORTER } from './facts-fixtures.js';
import { nextStep, overdueRiskReviews } from './next-step.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from './service-policy.js';

const NOW = daysAfter(5);

describe('the next step of a case', () => {
	it('at initial contact asks for the person contacted and their consent', () => {
		const step = nextStep({ case: caseAt('initial-contact'), participants: [], consents: [], assessments: [] }, POLICY, NOW);
		expect(step.nextStage).toBe('assessment');
		expect(step.summary).toBe('Add the person contacted to the case');
	});

	it('at assessment lists every missing consent and assessment in plain words', () => {
		const facts = readyFacts('assessment', { consents: [consent(HARMED.id, 'given')], assessments: [] });
		const step = nextStep(facts, POLICY, NOW);
		expect(step.needs).toEqual([
			'Complete a risk assessment for the harmed person before indirect communication',
			'Record consent to take part from the person responsible',
			'Complete a risk assessment for the person responsible before indirect communication'
		]);
		expect(step.summary).toBe(step.needs[0]);
	});

	it('says a case cleared for indirect work only still needs more for a meeting', () => {
		const facts = readyFacts('assessment', { assessments: [assessed(HARMED.id, 'proceed'), assessed(RESPONSIBLE.id, 'indirect-only')] });
		const step = nextStep(facts, POLICY, NOW);
		expect(step.summary).toBe('Ready for indirect communication; a meeting needs more');
		expect(step.needs).toEqual(['The risk assessment for the person responsible allows indirect communication only']);
	});

	it('is ready for a meeting when both parties agreed and were assessed "proceed" recently', () => {
		expect(nextStep(readyFacts('assessment'), POLICY, NOW)).toEqual({ summary: 'Ready for a meeting or indirect communication', nextStage: 'communication', needs: [] });
	});

	it('names a stale assessment as what the gate needs', () => {
		const step = nextStep(readyFacts('assessment'), POLICY, daysAfter(40));
		expect(step.needs[0]).toBe('The risk assessment for the harmed person is 40 days old; reassess before indirect communication');
	});

	it('tells the facilitator a withdrawn party means the case is to close', () => {
		const facts = readyFacts('communication', { consents: [consent(HARMED.id, 'given'), consent(RESPONSIBLE.id, 'withdrawn')] });
		expect(nextStep(facts, POLICY, NOW).summary).toBe('The person responsible has withdrawn: the coordinator closes the case');
	});

	it('has nothing to do on a closed case', () => {
		expect(nextStep(readyFacts('closed'), POLICY, NOW)).toEqual({ summary: 'Closed: nothing more to do', needs: [] });
	});
});

describe('overdue risk reviews', () => {
	it('flags each party whose latest completed assessment is older than the service allows', () => {
		const facts = readyFacts('communication', { assessments: [assessed(HARMED.id, 'proceed', daysAfter(0)), assessed(RESPONSIBLE.id, 'proceed', daysAfter(20))] });
		const reviews = overdueRiskReviews(facts, POLICY, daysAfter(40));
		expect(reviews.map((r) => [r.participant.id, r.ageDays])).toEqual([[HARMED.id, 40]]);
		expect(reviews[0]!.message).toBe('The harmed person’s risk assessment is 40 days old (review every 28 days)');
	});

	it('does not flag an assessment within the window, nor a newer one replacing a stale one', () => {
		const facts = readyFacts('communication', { assessments: [assessed(HARMED.id, 'proceed', daysAfter(0)), assessed(HARMED.id, 'proceed', daysAfter(30))] });
		expect(overdueRiskReviews(facts, POLICY, daysAfter(40))).toEqual([]);
	});

	it('flags a supporter’s stale check too, but not someone who has withdrawn', () => {
		const facts = readyFacts('communication', {
			participants: [HARMED, RESPONSIBLE, SUPPORTER],
			consents: [consent(HARMED.id, 'withdrawn')],
			assessments: [assessed(HARMED.id, 'proceed'), assessed(SUPPORTER.id, 'proceed')]
		});
		expect(overdueRiskReviews(facts, POLICY, daysAfter(30)).map((r) => r.participant.id)).toEqual([SUPPORTER.id]);
	});
});
