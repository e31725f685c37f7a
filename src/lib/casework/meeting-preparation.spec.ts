import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { assessed, daysAfter, HARMED, readyFacts, RESPONSIBLE } from '../domain/facts-fixtures.js';
import { DEFAULT_SERVICE_POLICY } from '../domain/service-policy.js';
import { MeetingPreparation } from './meeting-preparation.svelte.js';

const NOW = daysAfter(5);
const context = { caseId: 'case-0001-abcd', by: 'user-facilitator-a', facilitatorIds: ['user-facilitator-a', 'user-facilitator-b'] };
const prepare = () => {
	const prep = new MeetingPreparation({ repo: recordRepository(userDb('u1')), policy: DEFAULT_SERVICE_POLICY, newId: () => 'meeting-0001-abcd', now: () => NOW });
	Object.assign(prep.plan, {
		date: daysAfter(7).slice(0, 10), time: '10:00', venueKind: 'community-venue', venueName: 'Library meeting room',
		participantIds: [HARMED.id, RESPONSIBLE.id], groundRulesAgreed: true
	});
	return prep;
};
const meetingsStored = async () => (await recordRepository(userDb('u1')).readCase('case-0001-abcd')).filter((r) => r.type === 'meeting');

describe('meeting preparation', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('schedules a meeting whose every requirement holds, and clears the form', async () => {
		const prep = prepare();
		expect(await prep.schedule(readyFacts('communication'), context)).toBe(true);
		expect(await meetingsStored()).toEqual([expect.objectContaining({ id: 'meeting-0001-abcd', status: 'planned', venue: { kind: 'community-venue', name: 'Library meeting room' } })]);
		expect(prep.scheduledFor).toBeDefined();
		expect(prep.plan.participantIds).toEqual([]);
	});

	it('refuses a meeting with a stale assessment, says why, and writes nothing', async () => {
		const facts = readyFacts('communication', { assessments: [assessed(HARMED.id, 'proceed', NOW), assessed(RESPONSIBLE.id, 'proceed', daysAfter(-40, NOW))] });
		const prep = prepare();
		expect(prep.unmetNow(facts, context).map((f) => f.code)).toEqual(['risk-assessment-stale']);
		expect(await prep.schedule(facts, context)).toBe(false);
		expect(prep.refused.map((f) => f.reason)).toEqual(['The risk assessment for the person responsible is 40 days old; reassess before the meeting']);
		expect(await meetingsStored()).toEqual([]);
		expect(await userDb('u1').outbox.count()).toBe(0);
		expect(prep.plan.participantIds).toEqual([HARMED.id, RESPONSIBLE.id]);
	});

	it('names a missing venue name beside its field and writes nothing', async () => {
		const prep = prepare();
		prep.plan.venueName = ' ';
		expect(await prep.schedule(readyFacts('communication'), context)).toBe(false);
		expect(prep.problemAt('venue.name')).toBe('Enter the name of the venue');
		expect(await meetingsStored()).toEqual([]);
	});
});
