import type { CaseStage } from './case-stage.js';
import { requiredQuestions, type ChecklistTemplate } from './checklist-template.js';
import { gate, refuse, type GateFailure, type Gated } from './gate.js';
import type { ParticipantRole } from './participant.js';
import type { AssessmentAnswer, AssessmentDecision, RiskAssessmentRecord } from './risk-assessment.js';

export interface StartAssessment {
	id: string;
	caseId: string;
	participantId: string;
	stage: CaseStage;
	template: ChecklistTemplate;
	at: string;
	by: string;
}

/** A new draft, bound for good to the template version it starts on. */
export function startAssessment(input: StartAssessment): RiskAssessmentRecord {
	return {
		type: 'risk-assessment',
		v: 1,
		id: input.id,
		caseId: input.caseId,
		participantId: input.participantId,
		templateId: input.template.templateId,
		templateVersion: input.template.version,
		stage: input.stage,
		status: 'draft',
		answers: {},
		createdAt: input.at,
		updatedAt: input.at,
		createdBy: input.by
	};
}

/** The exact version a run is bound to; a newer version of the same template never replaces it. */
export function templateOf(
	assessment: Pick<RiskAssessmentRecord, 'templateId' | 'templateVersion'>,
	templates: readonly ChecklistTemplate[]
): ChecklistTemplate | undefined {
	return templates.find((t) => t.templateId === assessment.templateId && t.version === assessment.templateVersion);
}

const lockedFailure = refuse('assessment-completed', 'This assessment is complete and cannot change; start a new one to reassess');

export function answerQuestion(
	assessment: RiskAssessmentRecord,
	key: string,
	answer: AssessmentAnswer,
	at: string
): Gated<RiskAssessmentRecord> {
	return gate(assessment.status === 'completed' ? [lockedFailure] : [], () => ({
		...assessment,
		answers: { ...assessment.answers, [key]: answer },
		updatedAt: at
	}));
}

function answerFailures(assessment: RiskAssessmentRecord, template: ChecklistTemplate, role: ParticipantRole): GateFailure[] {
	return requiredQuestions(template, role, assessment.stage).flatMap(({ key, question }) => {
		const given = assessment.answers[key];
		if (!given) return [refuse('question-unanswered', `Answer “${question.text}” before completing the assessment`)];
		if (question.concernWhen === given.answer && given.mitigation.trim() === '')
			return [refuse('mitigation-missing', `Write how the risk will be reduced for “${question.text}”`)];
		return [];
	});
}

/**
 * Completes a run with the facilitator's decision. Checks the run against its own template
 * version, so a draft started on version 1 completes on version 1's questions.
 */
export function completeAssessment(
	assessment: RiskAssessmentRecord,
	template: ChecklistTemplate,
	role: ParticipantRole,
	decision: AssessmentDecision,
	at: string
): Gated<RiskAssessmentRecord> {
	if (assessment.status === 'completed') return gate([lockedFailure], () => assessment);
	if (template.templateId !== assessment.templateId || template.version !== assessment.templateVersion)
		return gate(
			[refuse('template-mismatch', `This assessment was started on ${assessment.templateId} version ${assessment.templateVersion}; complete it on that version`)],
			() => assessment
		);
	return gate(answerFailures(assessment, template, role), () => ({
		...assessment,
		status: 'completed' as const,
		decision,
		completedAt: at,
		updatedAt: at
	}));
}
