import { describe, expect, it } from 'vitest';
import { caseFactsFrom } from '../../src/lib/casework/case-facts-from-records.js';
import { nextStep, overdueRiskReviews } from '../../src/lib/domain/next-step.js';
import { deviceAuthorisationOn } from '../../src/lib/domain/establishment.js';
import { packsNeedingReminder } from '../../src/lib/domain/paper-pack.js';
import { DEFAULT_PAPER_SETTINGS } from '../../src/lib/domain/paper-settings.js';
import { DEFAULT_SERVICE_POLICY } from '../../src/lib/domain/service-policy.js';
import { demoCasework } from './demo-casework.js';

const NOW = new Date('2026-11-20T09:00:00.000Z');
const records = demoCasework({ coordinatorId: 'user-coordinator', facilitatorId: 'user-facilitator', coFacilitatorId: 'user-cofacilitator' }, NOW);
const caseRecord = (id: string, stage: 'assessment' | 'communication') => ({
	type: 'case' as const, v: 1 as const, id, reference: 'RJ-2026-0102', referralSource: 'offender-manager' as const, justiceStage: 'custodial-sentence' as const,
	stage, status: 'open' as const, facilitatorIds: ['user-facilitator', 'user-cofacilitator'], coordinatorId: 'user-coordinator',
	createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), createdBy: 'user-coordinator'
});

describe('the demo casework', () => {
	it('is valid by the domain schemas, with establishments outside any case', () => {
		expect(records.filter((r) => r.type === 'establishment').map((r) => r.id)).toEqual(['demo-establishment-0001', 'demo-establishment-0002']);
		expect(records.filter((r) => r.type === 'participant')).toHaveLength(9);
	});

	it('leaves the assessment-stage case needing the person responsible’s risk assessment', () => {
		const facts = caseFactsFrom([caseRecord('demo-case-0002', 'assessment'), ...records], 'demo-case-0002')!;
		expect(nextStep(facts, DEFAULT_SERVICE_POLICY, NOW.toISOString()).summary).toBe(
			'Complete a risk assessment for the person responsible before indirect communication'
		);
	});

	it('gives the communication-stage case one stale assessment to flag', () => {
		const facts = caseFactsFrom([caseRecord('demo-case-0003', 'communication'), ...records], 'demo-case-0003')!;
		expect(overdueRiskReviews(facts, DEFAULT_SERVICE_POLICY, NOW.toISOString()).map((r) => r.message)).toEqual([
			'The person responsible’s risk assessment is 40 days old (review every 28 days)'
		]);
	});
});

describe('the demo establishments and paper', () => {
	it('has one establishment whose tablet authorisation has lapsed, and one paper pack out past the default week', () => {
		const day = NOW.toISOString().slice(0, 10);
		const states = records.flatMap((r) => (r.type === 'establishment' ? [[r.name, deviceAuthorisationOn(r, day).state]] : []));
		expect(states).toEqual([['HMP Northgate (fictional)', 'allowed'], ['HMP Eastfield (fictional)', 'expired']]);
		const packs = records.flatMap((r) => (r.type === 'paper-pack' ? [r] : []));
		expect(packsNeedingReminder(packs, DEFAULT_PAPER_SETTINGS, NOW.toISOString()).map((p) => p.caseId)).toEqual(['demo-case-0003']);
	});
});
