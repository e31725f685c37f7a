import type { CaseStage } from '../domain/case-stage.js';
import { questionsFor, type ChecklistTemplate, type QuestionRef } from '../domain/checklist-template.js';
import type { ParticipantRole } from '../domain/participant.js';
import type { AssessmentAnswer } from '../domain/risk-assessment.js';

/** A question as the run shows it: whether it must be answered now, and whether its answer is a concern. */
export interface RunQuestion extends QuestionRef {
	required: boolean;
	answer?: AssessmentAnswer;
	/** The answer given is the one the template marks as a concern. */
	concern: boolean;
	/** A concern with no mitigation written yet. */
	mitigationMissing: boolean;
}

export interface SectionProgress {
	id: string;
	title: string;
	questions: RunQuestion[];
	answered: number;
	requiredLeft: number;
}

export interface ChecklistProgress {
	sections: SectionProgress[];
	answered: number;
	total: number;
	/** Required questions with no answer, in template order. */
	requiredLeft: RunQuestion[];
	concerns: RunQuestion[];
	mitigationsMissing: RunQuestion[];
	/** Nothing stands between the run and a decision. */
	ready: boolean;
}

/** Where a run stands: the questions for this person's role, at the stage the run started on. */
export function checklistProgress(
	template: ChecklistTemplate,
	role: ParticipantRole,
	stage: CaseStage,
	answers: Readonly<Record<string, AssessmentAnswer>>
): ChecklistProgress {
	const refs = questionsFor(template, role);
	const questions: RunQuestion[] = refs.map((ref) => {
		const answer = answers[ref.key];
		const concern = answer !== undefined && ref.question.concernWhen === answer.answer;
		return { ...ref, required: ref.question.requiredAt.includes(stage), answer, concern, mitigationMissing: concern && answer.mitigation.trim() === '' };
	});
	const sections = template.sections
		.map((section) => {
			const own = questions.filter((q) => q.key.startsWith(`${section.id}.`));
			return {
				id: section.id,
				title: section.title,
				questions: own,
				answered: own.filter((q) => q.answer).length,
				requiredLeft: own.filter((q) => q.required && !q.answer).length
			};
		})
		.filter((section) => section.questions.length > 0);
	const requiredLeft = questions.filter((q) => q.required && !q.answer);
	const mitigationsMissing = questions.filter((q) => q.mitigationMissing);
	return {
		sections,
		answered: questions.filter((q) => q.answer).length,
		total: questions.length,
		requiredLeft,
		concerns: questions.filter((q) => q.concern),
		mitigationsMissing,
		ready: requiredLeft.length === 0 && mitigationsMissing.length === 0
	};
}

export const DECISION_STEP = 'decision';

/**
 * Where a paused run picks up: the first section with a required question left, else the first
 * with any question unanswered, else the decision.
 */
export function resumeAt(progress: ChecklistProgress): string {
	const section =
		progress.sections.find((s) => s.requiredLeft > 0) ??
		progress.sections.find((s) => s.questions.some((q) => q.mitigationMissing)) ??
		progress.sections.find((s) => s.answered < s.questions.length);
	return section?.id ?? DECISION_STEP;
}

/** The steps of a run in order: each section, then the decision. */
export function runSteps(progress: ChecklistProgress): string[] {
	return [...progress.sections.map((s) => s.id), DECISION_STEP];
}
