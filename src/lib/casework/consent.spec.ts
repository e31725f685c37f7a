import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import type { ConsentRecord } from '../domain/consent.js';
import { caseAt, HARMED, RESPONSIBLE } from '../domain/facts-fixtures.js';
import { caseFileFrom } from './case-file.js';
import { consentActions, type ConsentForm } from './consent-actions.js';
import { consentOverview } from './consent-state.js';

let serial = 0;
let clock = '2026-10-05T10:00:00.000Z';
const actions = () =>
	consentActions({ saver: recordRepository(userDb('u1')), userId: 'user-facilitator-a', now: () => clock, newId: () => `consent-${++serial}-abcd` });
const read = async () => caseFileFrom(await recordRepository(userDb('u1')).readCase('case-0001-abcd'));
const facts = () => ({ case: caseAt('assessment'), participants: [HARMED, RESPONSIBLE], consents: [], assessments: [] });
const form = (change: Partial<ConsentForm>): ConsentForm => ({
	participantId: HARMED.id, purpose: 'take-part', decision: 'given', agencies: '', decidedAt: '', note: '', ...change
});

describe('consent', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('shows each purpose’s current decision, who recorded it and when the person said so', async () => {
		await actions().record(facts(), form({ decidedAt: '2026-10-04T09:30' }));
		clock = '2026-10-06T10:00:00.000Z';
		await actions().record(facts(), form({ purpose: 'share-information', agencies: 'Probation Service\n\nHMP Example\n' }));
		await actions().record(facts(), form({ purpose: 'share-outcome', decision: 'refused' }));
		const [harmed, responsible] = consentOverview([HARMED, RESPONSIBLE], (await read()).consents);
		const byPurpose = Object.fromEntries(harmed!.purposes.map((p) => [p.purpose, p.current]));
		expect(byPurpose['take-part']).toMatchObject({ decision: 'given', createdBy: 'user-facilitator-a', decidedAt: new Date('2026-10-04T09:30').toISOString() });
		expect(byPurpose['share-information']).toMatchObject({ decision: 'given', agencies: ['Probation Service', 'HMP Example'], decidedAt: clock });
		expect(byPurpose['share-outcome']?.decision).toBe('refused');
		expect(responsible!.purposes.every((p) => p.current === undefined)).toBe(true);
		expect(harmed!.withdrawal).toBeUndefined();
	});

	it('names the field and saves nothing when the agencies are missing', async () => {
		const result = await actions().record(facts(), form({ purpose: 'share-information' }));
		expect(result).toEqual({ ok: false, failures: [], problems: [{ path: 'agencies', message: 'Name the agencies information may be shared with' }] });
		const noDecision = await actions().record(facts(), form({ decision: undefined }));
		expect(!noDecision.ok && noDecision.problems).toEqual([{ path: 'decision', message: 'Choose given, refused or withdrawn' }]);
		expect((await read()).consents).toEqual([]);
	});

	it('records a withdrawal with no reason, and a later "given" does not undo it', async () => {
		await actions().record(facts(), form({ decidedAt: '2026-10-01T09:00' }));
		const withdrawn = await actions().withdraw(facts(), HARMED.id);
		expect(withdrawn.ok && withdrawn.value).toMatchObject({ purpose: 'take-part', decision: 'withdrawn', decidedAt: clock });
		expect(withdrawn.ok && 'note' in withdrawn.value).toBe(false);
		clock = '2026-10-07T10:00:00.000Z';
		await actions().record(facts(), form({}));
		const [harmed] = consentOverview([HARMED], (await read()).consents);
		expect(harmed!.withdrawal?.decision).toBe('withdrawn');
		expect(harmed!.purposes[0]!.history.map((c: ConsentRecord) => c.decision)).toEqual(['given', 'withdrawn', 'given']);
	});

	it('refuses a withdrawal for someone not on the case', async () => {
		const result = await actions().withdraw(facts(), 'stranger-0001');
		expect(!result.ok && result.failures).toEqual([{ code: 'participant-missing', reason: 'Choose a participant on this case' }]);
	});
});
