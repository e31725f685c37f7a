import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-facts.js';
import { assessed, consent, daysAfter, HARMED, readyFacts, RESPONSIBLE, SUPPORTER } from './facts-fixtures.js';
import { holdMeeting } from './meeting-gate.js';
import type { MeetingRecord } from './meeting.js';
import { exampleRecords } from './record-fixtures.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from './service-policy.js';

const NOW = daysAfter(5);
const meeting = (changes: Partial<MeetingRecord> = {}): MeetingRecord =>
	({ ...exampleRecords.meeting(), participantIds: [HARMED.id, RESPONSIBLE.id], ...changes }) as MeetingRecord;
const codes = (facts: CaseFacts, m = meeting(), now = NOW) => {
	const result = holdMeeting(facts, m, POLICY, now);
	return result.ok ? [] : result.failures.map((f) => f.code);
};

describe('holding a face-to-face meeting', () => {
	it('is recorded when every attendee has consented and has a fresh proceed', () => {
		const result = holdMeeting(readyFacts('communication'), meeting(), POLICY, NOW);
		expect(result.ok && result.value).toMatchObject({ status: 'held', heldAt: NOW, updatedAt: NOW });
	});

	it('rechecks freshness on the day itself', () => {
		const result = holdMeeting(readyFacts('communication'), meeting(), POLICY, daysAfter(40));
		expect(result.ok ? [] : result.failures[0]).toEqual({
			code: 'risk-assessment-stale',
			reason: 'The risk assessment for the harmed person is 40 days old; reassess before the meeting'
		});
	});

	it('is blocked by "indirect only" for any attendee', () => {
		const facts = readyFacts('communication', { assessments: [assessed(HARMED.id, 'proceed'), assessed(RESPONSIBLE.id, 'indirect-only')] });
		expect(codes(facts)).toEqual(['risk-decision-indirect-only']);
	});

	it('needs each supporter to be risk-checked and to have agreed', () => {
		const facts = readyFacts('communication', { participants: [HARMED, RESPONSIBLE, SUPPORTER] });
		expect(codes(facts, meeting({ supporterIds: [SUPPORTER.id] }))).toEqual(['consent-missing', 'risk-assessment-missing']);
		const checked = { ...facts, consents: [...facts.consents, consent(SUPPORTER.id, 'given')], assessments: [...facts.assessments, assessed(SUPPORTER.id, 'proceed')] };
		expect(codes(checked, meeting({ supporterIds: [SUPPORTER.id] }))).toEqual([]);
	});

	it('needs ground rules agreed first', () => {
		expect(codes(readyFacts('communication'), meeting({ groundRulesAgreed: false }))).toEqual(['ground-rules-missing']);
	});

	it('happens only at the communication stage and only once', () => {
		expect(codes(readyFacts('assessment'))).toEqual(['wrong-stage']);
		expect(codes(readyFacts('communication'), meeting({ status: 'held', heldAt: NOW }))).toEqual(['meeting-not-planned']);
	});

	it('refuses an attendee who is not on the case', () => {
		expect(codes(readyFacts('communication'), meeting({ participantIds: [HARMED.id, 'stranger-0001'] }))).toEqual(['participant-missing']);
	});

	it('is blocked once a party has withdrawn', () => {
		const facts = readyFacts('communication');
		const withdrawn = { ...facts, consents: [...facts.consents, consent(HARMED.id, 'withdrawn', NOW)] };
		expect(codes(withdrawn)).toEqual(['closure-pending', 'consent-withdrawn']);
	});
});
