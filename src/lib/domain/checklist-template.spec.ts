import { describe, expect, it } from 'vitest';
import { answerQuestion, completeAssessment, startAssessment, templateOf } from './assessment-run.js';
import { DEFAULT_CHECKLIST_TEMPLATE as V1, parseChecklistTemplate, questionsFor, requiredQuestions, type ChecklistTemplate } from './checklist-template.js';
import { parseRiskAssessment, type AssessmentDecision } from './risk-assessment.js';

const AT = '2026-10-01T09:00:00.000Z';
const decision: AssessmentDecision = { outcome: 'proceed', reasons: 'Ready and safe to meet', decidedAt: AT, decidedBy: 'user-facilitator-a' };
const answer = { answer: 'not-known' as const, narrative: '', source: 'Preparation visit', mitigation: '' };
const draft = () => startAssessment({ id: 'assessment-0001', caseId: 'case-0001-abcd', participantId: 'person-0001', stage: 'assessment', template: V1, at: AT, by: 'user-facilitator-a' });

/** Version 2 drops a question and adds another; version 1 drafts must not notice. */
const V2: ChecklistTemplate = {
	...V1, id: 'default-risk-checklist-v2', version: 2,
	sections: [...V1.sections, { id: 'new-section', title: 'Added in version 2', questions: [{ id: 'new-question', text: 'A new required question?', appliesTo: ['person-responsible'], requiredAt: ['assessment'] }] }]
};

function answerAll(role: 'harmed-person' | 'person-responsible', template = V1) {
	return requiredQuestions(template, role, 'assessment').reduce((run, { key }) => {
		const next = answerQuestion(run, key, answer, AT);
		return next.ok ? next.value : run;
	}, draft());
}

describe('the default checklist template', () => {
	it('is valid data', () => {
		expect(parseChecklistTemplate(V1).ok).toBe(true);
	});

	it('covers every area the practice guidance lists', () => {
		expect(V1.sections.map((s) => s.id)).toEqual(['basics', 'person-responsible', 'harmed-person', 'wellbeing', 'safety', 'conditions', 'partner-information']);
		const safety = V1.sections.find((s) => s.id === 'safety')!.questions.map((q) => q.id);
		expect(safety).toEqual(expect.arrayContaining(['coercive-control', 'supporter-influence', 'domestic-abuse', 'sexual-harm', 'hate-crime', 'gang-affiliation']));
	});

	it('asks each role only its own questions', () => {
		const keys = questionsFor(V1, 'harmed-person').map((q) => q.key);
		expect(keys).toContain('harmed-person.no-apology');
		expect(keys).not.toContain('person-responsible.acknowledges-harm');
	});

	it('asks for more before a meeting than at first assessment', () => {
		expect(requiredQuestions(V1, 'person-responsible', 'communication').length).toBeGreaterThan(requiredQuestions(V1, 'person-responsible', 'assessment').length);
	});

	it('names a malformed template field', () => {
		expect(parseChecklistTemplate({ ...V1, version: 0 })).toEqual({ ok: false, problems: [{ path: 'version', message: 'Versions start at 1' }] });
		expect(parseChecklistTemplate({ ...V1, id: 'other-id-v1' })).toEqual({
			ok: false,
			problems: [{ path: 'id', message: 'Use an id made of the template id and version, like default-risk-checklist-v1' }]
		});
	});

	it('refuses two questions with one id in a section', () => {
		const [first, ...rest] = V1.sections;
		const doubled = { ...first!, questions: [...first!.questions, first!.questions[0]!] };
		expect(parseChecklistTemplate({ ...V1, sections: [doubled, ...rest] })).toEqual({
			ok: false,
			problems: [{ path: 'sections', message: 'Each question needs its own id within its section' }]
		});
	});
});

describe('a risk assessment run', () => {
	it('starts as a valid draft bound to its template version', () => {
		expect(parseRiskAssessment(draft())).toEqual({ ok: true, value: draft() });
		expect(draft()).toMatchObject({ templateId: 'default-risk-checklist', templateVersion: 1, status: 'draft' });
	});

	it('completes when every required question is answered', () => {
		const done = completeAssessment(answerAll('person-responsible'), V1, 'person-responsible', decision, AT);
		expect(done.ok && done.value).toMatchObject({ status: 'completed', decision, completedAt: AT });
		expect(done.ok && parseRiskAssessment(done.value).ok).toBe(true);
	});

	it('names the first unanswered question', () => {
		const result = completeAssessment(draft(), V1, 'person-responsible', decision, AT);
		expect(result.ok ? undefined : result.failures[0]).toEqual({
			code: 'question-unanswered',
			reason: 'Answer “What was the offence, and what happened, in this person\'s words?” before completing the assessment'
		});
	});

	it('needs a mitigation when an answer signals a concern', () => {
		const run = answerQuestion(answerAll('harmed-person'), 'safety.physical-harm', { ...answer, answer: 'yes' }, AT);
		const result = run.ok ? completeAssessment(run.value, V1, 'harmed-person', decision, AT) : run;
		expect(result.ok ? [] : result.failures).toEqual([
			{ code: 'mitigation-missing', reason: 'Write how the risk will be reduced for “Is there a risk of physical harm to anyone taking part?”' }
		]);
	});

	it('keeps a version 1 draft working after version 2 is published', () => {
		const run = answerAll('person-responsible');
		expect(templateOf(run, [V2, V1])).toBe(V1);
		expect(completeAssessment(run, templateOf(run, [V2, V1])!, 'person-responsible', decision, AT).ok).toBe(true);
	});

	it('refuses to complete a run on a template version it did not start on', () => {
		const result = completeAssessment(answerAll('person-responsible'), V2, 'person-responsible', decision, AT);
		expect(result.ok ? undefined : result.failures[0].code).toBe('template-mismatch');
	});

	it('cannot change once completed', () => {
		const done = completeAssessment(answerAll('person-responsible'), V1, 'person-responsible', decision, AT);
		if (!done.ok) throw new Error('did not complete');
		expect(answerQuestion(done.value, 'basics.offence', answer, AT)).toMatchObject({ ok: false, failures: [{ code: 'assessment-completed' }] });
		expect(completeAssessment(done.value, V1, 'person-responsible', decision, AT)).toMatchObject({ ok: false, failures: [{ code: 'assessment-completed' }] });
	});

	it('names a completed run that has no decision', () => {
		expect(parseRiskAssessment({ ...draft(), status: 'completed', completedAt: AT })).toEqual({
			ok: false,
			problems: [{ path: 'decision', message: 'Record the decision before completing the assessment' }]
		});
	});

	it('names a malformed answer', () => {
		expect(parseRiskAssessment({ ...draft(), answers: { 'basics.offence': { ...answer, answer: 'perhaps' } } })).toEqual({
			ok: false,
			problems: [{ path: 'answers.basics.offence.answer', message: 'Choose yes, no or not known' }]
		});
	});

	it('names a decision without reasons', () => {
		const result = parseRiskAssessment({ ...draft(), status: 'completed', completedAt: AT, decision: { ...decision, reasons: ' ' } });
		expect(result).toEqual({ ok: false, problems: [{ path: 'decision.reasons', message: 'Give the reasons for the decision' }] });
	});
});
