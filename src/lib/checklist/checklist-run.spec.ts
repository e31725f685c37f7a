import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { startAssessment } from '../domain/assessment-run.js';
import type { RiskAssessmentRecord } from '../domain/risk-assessment.js';
import { answer, smallTemplate } from './checklist-fixtures.js';
import { checklistProgress, resumeAt } from './checklist-progress.js';
import { ChecklistRun } from './checklist-run.svelte.js';

const draft = () =>
	startAssessment({ id: 'assessment-run-0001', caseId: 'case-0001-abcd', participantId: 'responsible-0001', stage: 'assessment', template: smallTemplate(), at: '2026-10-05T10:00:00.000Z', by: 'user-facilitator-a' });
const stored = async () => (await recordRepository(userDb('u1')).get('case:case-0001-abcd:risk-assessment:assessment-run-0001')) as RiskAssessmentRecord;

describe('a checklist run', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('saves a chosen answer at once, and typed words after the pause or on flush', async () => {
		const run = new ChecklistRun(recordRepository(userDb('u1')));
		run.adopt(draft());
		run.answer('basics.offence', answer('no'));
		await run.flush();
		expect(run.status).toBe('saved');
		expect((await stored()).answers['basics.offence']?.answer).toBe('no');

		run.answer('basics.offence', { ...answer('no'), narrative: 'Said it was a mistake' }, true);
		expect(run.status).toBe('waiting');
		expect((await stored()).answers['basics.offence']?.narrative).toBe('');
		await run.flush();
		expect((await stored()).answers['basics.offence']?.narrative).toBe('Said it was a mistake');
	});

	it('pauses and resumes: a new run over the stored copy picks up the answers and its place', async () => {
		const first = new ChecklistRun(recordRepository(userDb('u1')));
		first.adopt(draft());
		first.answer('basics.offence', answer('no'));
		first.answer('basics.sentence', answer('not-known'));
		await first.flush();

		const resumed = new ChecklistRun(recordRepository(userDb('u1')));
		resumed.adopt(await stored());
		const progress = checklistProgress(smallTemplate(), 'person-responsible', 'assessment', resumed.working!.answers);
		expect(progress.answered).toBe(2);
		expect(resumeAt(progress)).toBe('safety');
	});

	it('keeps its own unsaved words when an older stored copy arrives', async () => {
		const run = new ChecklistRun(recordRepository(userDb('u1')), () => '2026-10-05T11:00:00.000Z');
		const original = draft();
		run.adopt(original);
		run.answer('basics.offence', { ...answer('yes'), narrative: 'Typing' }, true);
		run.adopt(original);
		expect(run.working!.answers['basics.offence']?.narrative).toBe('Typing');
		await run.flush();
	});

	it('keeps an answer a colleague gave while the checklist was open on this tablet', async () => {
		const repo = recordRepository(userDb('u1'));
		await repo.save(draft());
		const run = new ChecklistRun(repo, () => '2026-10-05T11:00:00.000Z');
		run.adopt(await stored());
		// A pull lands the colleague's answer; the screen has not caught up yet.
		const theirs = { ...(await stored()), updatedAt: '2026-10-05T10:30:00.000Z' };
		await repo.storeSynced([{ ...theirs, answers: { ...theirs.answers, 'basics.sentence': answer('not-known') } }]);
		run.answer('basics.offence', answer('no'));
		await run.flush();
		expect((await stored()).answers['basics.sentence']?.answer).toBe('not-known');
		expect((await stored()).answers['basics.offence']?.answer).toBe('no');
	});
});
