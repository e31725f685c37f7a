import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_TEMPLATE } from '../domain/checklist-template.js';
import { answer, smallTemplate } from './checklist-fixtures.js';
import { checklistProgress, DECISION_STEP, resumeAt, runSteps } from './checklist-progress.js';

const keys = (list: { key: string }[]) => list.map((q) => q.key);

describe('checklist progress', () => {
	it('counts only the questions for the person’s role, section by section', () => {
		const harmed = checklistProgress(smallTemplate(), 'harmed-person', 'assessment', {});
		expect(harmed.total).toBe(3);
		expect(harmed.sections.map((s) => [s.id, s.questions.length])).toEqual([['basics', 1], ['safety', 2]]);
		expect(checklistProgress(smallTemplate(), 'person-responsible', 'assessment', {}).total).toBe(4);
	});

	it('lists the required questions left for the stage the run started at', () => {
		const atAssessment = checklistProgress(smallTemplate(), 'person-responsible', 'assessment', { 'basics.offence': answer('no') });
		expect(atAssessment.answered).toBe(1);
		expect(keys(atAssessment.requiredLeft)).toEqual(['basics.sentence', 'safety.physical-harm']);
		expect(atAssessment.ready).toBe(false);
		const atCommunication = checklistProgress(smallTemplate(), 'person-responsible', 'communication', {});
		expect(keys(atCommunication.requiredLeft)).toEqual(['safety.police']);
	});

	it('flags a concern and asks for its mitigation before the run is ready', () => {
		const given = { 'basics.offence': answer('no'), 'basics.sentence': answer('not-known'), 'safety.physical-harm': answer('yes') };
		const progress = checklistProgress(smallTemplate(), 'person-responsible', 'assessment', given);
		expect(progress.requiredLeft).toEqual([]);
		expect(keys(progress.concerns)).toEqual(['safety.physical-harm']);
		expect(keys(progress.mitigationsMissing)).toEqual(['safety.physical-harm']);
		expect(progress.ready).toBe(false);
		const mitigated = { ...given, 'safety.physical-harm': answer('yes', 'Separate waiting rooms') };
		const ready = checklistProgress(smallTemplate(), 'person-responsible', 'assessment', mitigated);
		expect(ready.mitigationsMissing).toEqual([]);
		expect(ready.ready).toBe(true);
	});

	it('resumes a paused run at the first section with a required question left', () => {
		const template = smallTemplate();
		expect(resumeAt(checklistProgress(template, 'harmed-person', 'assessment', {}))).toBe('basics');
		expect(resumeAt(checklistProgress(template, 'harmed-person', 'assessment', { 'basics.offence': answer('no') }))).toBe('safety');
		const requiredDone = { 'basics.offence': answer('no'), 'safety.physical-harm': answer('no') };
		expect(resumeAt(checklistProgress(template, 'harmed-person', 'assessment', requiredDone))).toBe('safety');
		const allDone = { ...requiredDone, 'safety.police': answer('not-known') };
		expect(resumeAt(checklistProgress(template, 'harmed-person', 'assessment', allDone))).toBe(DECISION_STEP);
	});

	it('runs the shipped template in its own section order, ending with the decision', () => {
		const progress = checklistProgress(DEFAULT_CHECKLIST_TEMPLATE, 'harmed-person', 'assessment', {});
		expect(runSteps(progress)).toEqual([...progress.sections.map((s) => s.id), DECISION_STEP]);
		expect(progress.sections.map((s) => s.id)).not.toContain('person-responsible');
		expect(progress.requiredLeft.length).toBeGreaterThan(0);
	});
});
