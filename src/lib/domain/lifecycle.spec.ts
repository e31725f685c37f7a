import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-facts.js';
import { assessed, caseAt, consent, daysAfter, HARMED, readyFacts, RESPONSIBLE, START } from './facts-fixtures.js';
import { transition, type TransitionRequest } from './lifecycle.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from './service-policy.js';

const NOW = daysAfter(1);
const move = (facts: CaseFacts, request: TransitionRequest, now = NOW) => transition(facts, request, POLICY, now, 'user-coordinator');
const codes = (facts: CaseFacts, request: TransitionRequest, now = NOW) => {
	const result = move(facts, request, now);
	return result.ok ? [] : result.failures.map((f) => f.code);
};

describe('moving a case between stages', () => {
	it('moves a referral to initial contact and stamps the change', () => {
		const result = move(readyFacts('referral'), { to: 'initial-contact' });
		expect(result).toEqual({ ok: true, value: { ...caseAt('referral'), stage: 'initial-contact', stageHistory: [{ stage: 'initial-contact', at: NOW }], updatedAt: NOW, updatedBy: 'user-coordinator' } });
	});

	it('keeps each stage move in the case, with indirect or direct, so reports can read the journey', () => {
		const communicating = move(readyFacts('assessment'), { to: 'communication', mode: 'indirect' });
		if (!communicating.ok) throw new Error('expected the move to succeed');
		const facts = readyFacts('communication', { case: communicating.value });
		const closed = move(facts, { to: 'closed', exitReason: 'completed' }, daysAfter(3));
		expect(closed.ok && closed.value.stageHistory).toEqual([
			{ stage: 'communication', at: NOW, mode: 'indirect' },
			{ stage: 'closed', at: daysAfter(3) }
		]);
	});

	it('refuses a pre-sentence referral under the default policy', () => {
		const facts = readyFacts('referral', { case: { ...caseAt('referral'), justiceStage: 'pre-sentence' } });
		expect(move(facts, { to: 'initial-contact' })).toEqual({
			ok: false,
			failures: [{ code: 'referral-excluded', reason: 'This service does not take referrals at the pre-sentence stage' }]
		});
	});

	it('refuses an offence category the service excludes', () => {
		const facts = readyFacts('referral', { case: { ...caseAt('referral'), offenceCategory: 'domestic-abuse' } });
		const result = transition(facts, { to: 'initial-contact' }, { ...POLICY, excludedOffenceCategories: ['domestic-abuse'] }, NOW, 'c');
		expect(result.ok ? undefined : result.failures[0].reason).toBe('This service does not take referrals for domestic abuse offences');
	});

	it('refuses to skip a stage, naming the next one', () => {
		expect(move(readyFacts('referral'), { to: 'assessment' })).toEqual({
			ok: false,
			failures: [{ code: 'stage-skipped', reason: 'A case moves one stage at a time: from referral it goes to initial contact' }]
		});
	});

	it('refuses a move to the stage the case is at', () => {
		expect(codes(readyFacts('assessment'), { to: 'assessment' })).toEqual(['stage-unchanged']);
	});

	it('goes back to assessment to reassess, but nowhere else back', () => {
		expect(move(readyFacts('communication'), { to: 'assessment' }).ok).toBe(true);
		expect(move(readyFacts('outcome'), { to: 'assessment' }).ok).toBe(true);
		expect(codes(readyFacts('assessment'), { to: 'referral' })).toEqual(['stage-backwards']);
	});

	it('refuses every move of a closed case', () => {
		expect(codes(readyFacts('closed'), { to: 'closed', exitReason: 'other' })).toEqual(['case-closed']);
		expect(codes(readyFacts('closed'), { to: 'assessment' })).toEqual(['case-closed']);
	});

	it('moves from indirect communication or meeting to outcome and follow-up', () => {
		expect(move(readyFacts('communication'), { to: 'outcome' }).ok).toBe(true);
	});
});

describe('the gate past initial contact', () => {
	it('needs consent to take part from the person contacted', () => {
		const facts = readyFacts('initial-contact', { consents: [] });
		expect(move(facts, { to: 'assessment' })).toEqual({
			ok: false,
			failures: [{ code: 'consent-missing', reason: 'Record consent to take part from the person contacted before assessment and preparation' }]
		});
	});

	it('opens with one party’s consent, whichever was contacted first', () => {
		const facts = readyFacts('initial-contact', { consents: [consent(RESPONSIBLE.id, 'given')] });
		expect(move(facts, { to: 'assessment' }).ok).toBe(true);
	});

	it('does not count a refusal as consent', () => {
		const facts = readyFacts('initial-contact', { consents: [consent(HARMED.id, 'refused')] });
		expect(codes(facts, { to: 'assessment' })).toEqual(['consent-missing']);
	});

	it('needs someone on the case to have been contacted', () => {
		expect(move(readyFacts('initial-contact', { participants: [] }), { to: 'assessment' })).toEqual({
			ok: false,
			failures: [{ code: 'participant-missing', reason: 'Add the person contacted to the case' }]
		});
	});

	it('needs the facilitators the service’s policy asks for', () => {
		const facts = readyFacts('initial-contact', { case: caseAt('initial-contact', ['user-facilitator-a']) });
		expect(move(facts, { to: 'assessment' })).toEqual({
			ok: false,
			failures: [{ code: 'facilitators-missing', reason: 'Assign one more facilitator before assessment and preparation' }]
		});
	});
});

describe('the gate into indirect or direct work', () => {
	it.each(['direct', 'indirect'] as const)('lets %s work start with consent and a fresh proceed for each party', (mode) => {
		expect(move(readyFacts('assessment'), { to: 'communication', mode }).ok).toBe(true);
	});

	it('names a stale assessment by its age and the party', () => {
		const facts = readyFacts('assessment', { assessments: [assessed(HARMED.id, 'proceed', daysAfter(20)), assessed(RESPONSIBLE.id, 'proceed', START)] });
		expect(move(facts, { to: 'communication', mode: 'direct' }, daysAfter(40))).toEqual({
			ok: false,
			failures: [{ code: 'risk-assessment-stale', reason: 'The risk assessment for the person responsible is 40 days old; reassess before a meeting' }]
		});
	});

	it('accepts an assessment exactly as old as the freshness allows', () => {
		expect(move(readyFacts('assessment'), { to: 'communication', mode: 'direct' }, daysAfter(28)).ok).toBe(true);
		expect(codes(readyFacts('assessment'), { to: 'communication', mode: 'direct' }, daysAfter(29))).toEqual([
			'risk-assessment-stale',
			'risk-assessment-stale'
		]);
	});

	it('needs an assessment for each party', () => {
		const facts = readyFacts('assessment', { assessments: [assessed(HARMED.id, 'proceed')] });
		expect(move(facts, { to: 'communication', mode: 'indirect' })).toEqual({
			ok: false,
			failures: [{ code: 'risk-assessment-missing', reason: 'Complete a risk assessment for the person responsible before indirect communication' }]
		});
	});

	it('judges by the latest completed assessment', () => {
		const later = assessed(RESPONSIBLE.id, 'pause', daysAfter(1, START));
		const facts = readyFacts('assessment', { assessments: [...readyFacts('assessment').assessments, later] });
		expect(codes(facts, { to: 'communication', mode: 'indirect' })).toEqual(['risk-decision-pause']);
	});

	it('says a pause blocks, with the recorded reasons', () => {
		const facts = readyFacts('assessment', { assessments: [assessed(HARMED.id, 'pause'), assessed(RESPONSIBLE.id, 'proceed')] });
		expect(move(facts, { to: 'communication', mode: 'indirect' })).toEqual({
			ok: false,
			failures: [{ code: 'risk-decision-pause', reason: 'The risk assessment for the harmed person decided to pause: Decided pause' }]
		});
	});

	it('lets "indirect only" start indirect work and blocks direct work', () => {
		const facts = readyFacts('assessment', { assessments: [assessed(HARMED.id, 'indirect-only'), assessed(RESPONSIBLE.id, 'proceed')] });
		expect(move(facts, { to: 'communication', mode: 'indirect' }).ok).toBe(true);
		expect(move(facts, { to: 'communication', mode: 'direct' })).toEqual({
			ok: false,
			failures: [{ code: 'risk-decision-indirect-only', reason: 'The risk assessment for the harmed person allows indirect communication only' }]
		});
	});

	it('needs both a harmed person and a person responsible on the case', () => {
		const facts = readyFacts('assessment', { participants: [RESPONSIBLE] });
		expect(codes(facts, { to: 'communication', mode: 'indirect' })).toEqual(['participant-missing']);
	});

	it('needs current consent from each party', () => {
		const facts = readyFacts('assessment', { consents: [consent(HARMED.id, 'given')] });
		expect(codes(facts, { to: 'communication', mode: 'indirect' })).toEqual(['consent-missing']);
	});

	it('lists every missing requirement at once', () => {
		const facts = readyFacts('assessment', { consents: [], assessments: [] });
		expect(codes(facts, { to: 'communication', mode: 'direct' })).toEqual([
			'consent-missing',
			'risk-assessment-missing',
			'consent-missing',
			'risk-assessment-missing'
		]);
	});
});
