import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { caseAt, person } from '../domain/facts-fixtures.js';
import type { RiskAssessmentRecord } from '../domain/risk-assessment.js';
import { caseFileFrom } from '../casework/case-file.js';
import { assessmentActions } from './assessment-actions.js';
import { answer, smallTemplate } from './checklist-fixtures.js';
import { checklistProgress, resumeAt } from './checklist-progress.js';

const ME = 'user-facilitator-a';
const RESPONSIBLE = person('responsible-0001', 'person-responsible');
let serial = 0;
const actionsAs = (userId: string) =>
	assessmentActions({ saver: recordRepository(userDb('u1')), userId, now: () => '2026-10-05T10:00:00.000Z', newId: () => `assessment-${++serial}-abcd` });
const file = () => caseFileFrom([caseAt('assessment'), RESPONSIBLE]);

async function stored(id: string): Promise<RiskAssessmentRecord> {
	const records = await recordRepository(userDb('u1')).readCase('case-0001-abcd');
	return records.find((r) => r.id === id) as RiskAssessmentRecord;
}

describe('assessment actions', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('saves every answer as it is given, so a closed tab resumes where it stopped', async () => {
		const started = await actionsAs(ME).start(file(), RESPONSIBLE, smallTemplate());
		if (!started.ok) throw new Error('not started');
		expect(started.value).toMatchObject({ status: 'draft', stage: 'assessment', templateId: 'small-checklist', templateVersion: 1 });
		await actionsAs(ME).answer(started.value, 'basics.offence', answer('no'));
		const afterOne = await stored(started.value.id);
		await actionsAs(ME).answer(afterOne, 'basics.sentence', answer('not-known'));

		// A fresh read, as after a reload: the run is bound to its template and resumes at safety.
		const resumed = await stored(started.value.id);
		expect(Object.keys(resumed.answers)).toEqual(['basics.offence', 'basics.sentence']);
		const progress = checklistProgress(smallTemplate(), RESPONSIBLE.role, resumed.stage, resumed.answers);
		expect(progress.answered).toBe(2);
		expect(resumeAt(progress)).toBe('safety');
		expect(await userDb('u1').outbox.count()).toBe(3);
	});

	it('refuses to complete with every reason at once, and saves nothing', async () => {
		const started = await actionsAs(ME).start(file(), RESPONSIBLE, smallTemplate());
		if (!started.ok) throw new Error('not started');
		const result = await actionsAs(ME).complete(started.value, smallTemplate(), RESPONSIBLE, { outcome: undefined, reasons: ' ' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failures.map((f) => f.reason)).toEqual(['Answer “What happened?” before completing the assessment', 'Answer “What sentence?” before completing the assessment', 'Answer “Any risk of physical harm?” before completing the assessment']);
		expect(result.problems).toEqual([
			{ path: 'decision.outcome', message: 'Choose proceed, indirect only, pause or not suitable' },
			{ path: 'decision.reasons', message: 'Give the reasons for the decision' }
		]);
		expect((await stored(started.value.id)).status).toBe('draft');
	});

	it('completes with a decision and its reasons, which the co-facilitator then reviews', async () => {
		const started = await actionsAs(ME).start(file(), RESPONSIBLE, smallTemplate());
		if (!started.ok) throw new Error('not started');
		let run = started.value;
		for (const [key, value] of [['basics.offence', answer('no')], ['basics.sentence', answer('no')], ['safety.physical-harm', answer('yes', 'Separate rooms')]] as const) {
			const next = await actionsAs(ME).answer(run, key, value);
			if (next.ok) run = next.value;
		}
		const done = await actionsAs(ME).complete(run, smallTemplate(), RESPONSIBLE, { outcome: 'proceed', reasons: 'Ready, with separate rooms.' });
		expect(done.ok && done.value.decision).toMatchObject({ outcome: 'proceed', reasons: 'Ready, with separate rooms.', decidedBy: ME });
		if (!done.ok) return;
		expect((await actionsAs(ME).review(done.value, 'agreed', '')).ok).toBe(false);
		const review = await actionsAs('user-facilitator-b').review(done.value, 'agreed', '');
		expect(review.ok && review.value).toMatchObject({ assessmentId: run.id, createdBy: 'user-facilitator-b' });
		expect(caseFileFrom(await recordRepository(userDb('u1')).readCase('case-0001-abcd')).reviews).toHaveLength(1);
	});
});
