import { describe, expect, it } from 'vitest';
import { CASE_STAGES } from './case-stage.js';
import { parseConsent } from './consent.js';
import { assessed, consent, daysAfter, HARMED, person, readyFacts, RESPONSIBLE, START } from './facts-fixtures.js';
import { transition } from './lifecycle.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from './service-policy.js';
import { pendingClosure, withdraw } from './withdrawal.js';

const NOW = daysAfter(2);
const withdrawal = (participantId: string) => ({ id: 'consent-withdraw-01', participantId, decidedAt: NOW, at: NOW, by: 'user-facilitator-a' });

describe('withdrawal', () => {
	it.each(CASE_STAGES.filter((s) => s !== 'closed'))('is recorded at the %s stage with no reason asked', (stage) => {
		const result = withdraw(readyFacts(stage), withdrawal(RESPONSIBLE.id));
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value).toMatchObject({ decision: 'withdrawn', purpose: 'take-part', participantId: RESPONSIBLE.id, decidedAt: NOW });
			expect(parseConsent(result.value).ok).toBe(true);
		}
	});

	it('keeps a note when the person chose to give a reason', () => {
		const result = withdraw(readyFacts('assessment'), { ...withdrawal(HARMED.id), note: 'Wants to focus on family' });
		expect(result.ok && result.value.note).toBe('Wants to focus on family');
	});

	it('is refused only for someone who is not on the case', () => {
		expect(withdraw(readyFacts('assessment'), withdrawal('stranger-0001'))).toEqual({
			ok: false,
			failures: [{ code: 'participant-missing', reason: 'Choose a participant on this case' }]
		});
	});

	it.each([
		[HARMED.id, 'withdrawn-by-harmed-person', 'The harmed person has withdrawn'],
		[RESPONSIBLE.id, 'withdrawn-by-person-responsible', 'The person responsible has withdrawn']
	])('by %s moves the case towards closure with the reason', (id, exitReason, because) => {
		const facts = readyFacts('communication');
		const withdrawn = { ...facts, consents: [...facts.consents, consent(id, 'withdrawn', NOW)] };
		expect(pendingClosure(withdrawn)).toEqual({ exitReason, because });
		expect(transition(withdrawn, { to: 'outcome' }, POLICY, NOW, 'c')).toEqual({
			ok: false,
			failures: [{ code: 'closure-pending', reason: `${because}; close the case` }]
		});
		const closed = transition(withdrawn, { to: 'closed' }, POLICY, NOW, 'c');
		expect(closed.ok && closed.value).toMatchObject({ stage: 'closed', status: 'closed', exitReason, exitDate: NOW });
	});

	it('is final: a later "given" does not draw the person back in', () => {
		const facts = readyFacts('assessment');
		const later = { ...facts, consents: [...facts.consents, consent(HARMED.id, 'withdrawn', NOW), consent(HARMED.id, 'given', daysAfter(3))] };
		expect(pendingClosure(later)?.exitReason).toBe('withdrawn-by-harmed-person');
	});

	it('by one of two harmed people leaves the case open for the other', () => {
		const second = person('harmed-0002', 'harmed-person');
		const facts = readyFacts('assessment');
		const both = {
			...facts,
			participants: [...facts.participants, second],
			consents: [...facts.consents, consent(second.id, 'given'), consent(HARMED.id, 'withdrawn', NOW)],
			assessments: [...facts.assessments, assessed(second.id, 'proceed')]
		};
		expect(pendingClosure(both)).toBeUndefined();
		expect(transition(both, { to: 'communication', mode: 'direct' }, POLICY, NOW, 'c').ok).toBe(true);
	});

	it('by a supporter does not close the case', () => {
		const supporter = person('supporter-0001', 'supporter');
		const facts = readyFacts('communication', { participants: [HARMED, RESPONSIBLE, supporter] });
		expect(pendingClosure({ ...facts, consents: [...facts.consents, consent(supporter.id, 'withdrawn')] })).toBeUndefined();
	});
});

describe('closing a case', () => {
	it('follows a "not suitable" decision, with the reason unsuitable', () => {
		const facts = readyFacts('assessment', { assessments: [assessed(HARMED.id, 'proceed'), assessed(RESPONSIBLE.id, 'not-suitable')] });
		expect(pendingClosure(facts)).toEqual({
			exitReason: 'unsuitable',
			because: 'The risk assessment for the person responsible found the case not suitable'
		});
		const closed = transition(facts, { to: 'closed' }, POLICY, NOW, 'c');
		expect(closed.ok && closed.value.exitReason).toBe('unsuitable');
	});

	it('needs a reason when nothing is pending', () => {
		expect(transition(readyFacts('outcome'), { to: 'closed' }, POLICY, NOW, 'c')).toEqual({
			ok: false,
			failures: [{ code: 'exit-reason-missing', reason: 'Choose a reason for closing the case' }]
		});
	});

	it('keeps the case record and adds the reason, date and note', () => {
		const result = transition(readyFacts('outcome'), { to: 'closed', exitReason: 'completed', note: 'Follow-up done' }, POLICY, NOW, 'c');
		expect(result.ok && result.value).toMatchObject({ id: readyFacts('outcome').case.id, exitReason: 'completed', exitNote: 'Follow-up done', createdAt: START });
	});
});
