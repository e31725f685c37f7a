import { answerQuestion, completeAssessment, startAssessment } from '../domain/assessment-run.js';
import { reviewAssessment, type AssessmentReviewRecord, type ReviewOutcome } from '../domain/assessment-review.js';
import type { ChecklistTemplate } from '../domain/checklist-template.js';
import type { Gated } from '../domain/gate.js';
import type { ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import { decisionSchema, type AssessmentAnswer, type RiskAssessmentRecord, type RiskDecision } from '../domain/risk-assessment.js';
import { validate, type FieldProblem } from '../domain/validation.js';
import { refused, type ActionResult, type Saver } from '../casework/action-result.js';
import type { CaseFile } from '../casework/case-file.js';

export interface ActionContext {
	saver: Saver;
	userId: string;
	now?: () => string;
	newId?: () => string;
}

async function saved<T extends DomainRecord>(saver: Saver, gated: Gated<T>, problems: FieldProblem[] = [], basedOn?: DomainRecord): Promise<ActionResult<T>> {
	if (!gated.ok || problems.length > 0) return refused(problems, gated.ok ? [] : gated.failures);
	const result = await saver.save(gated.value, basedOn ? { basedOn } : {});
	return result.ok ? { ok: true, value: result.value as T } : refused(result.problems);
}

/** Starting, answering, completing and reviewing a risk assessment, each saved through the repository. */
export function assessmentActions({ saver, userId, now = () => new Date().toISOString(), newId = () => crypto.randomUUID() }: ActionContext) {
	return {
		start(file: CaseFile, participant: ParticipantRecord, template: ChecklistTemplate): Promise<ActionResult<RiskAssessmentRecord>> {
			if (!file.case) return Promise.resolve(refused([{ path: 'caseId', message: 'This case is not on this device' }]));
			const record = startAssessment({ id: newId(), caseId: file.case.id, participantId: participant.id, stage: file.case.stage, template, at: now(), by: userId });
			return saved(saver, { ok: true, value: record });
		},

		answer(assessment: RiskAssessmentRecord, key: string, answer: AssessmentAnswer): Promise<ActionResult<RiskAssessmentRecord>> {
			return saved(saver, answerQuestion(assessment, key, answer, now()), [], assessment);
		},

		complete(
			assessment: RiskAssessmentRecord,
			template: ChecklistTemplate,
			participant: ParticipantRecord,
			choice: { outcome: RiskDecision | undefined; reasons: string }
		): Promise<ActionResult<RiskAssessmentRecord>> {
			const at = now();
			const decision = validate(decisionSchema, { ...choice, decidedAt: at, decidedBy: userId });
			// The gate is asked even while the decision is incomplete, so every reason shows at once;
			// the stand-in decision is never saved, because the decision's problems refuse the save.
			const gated = completeAssessment(assessment, template, participant.role, decision.ok ? decision.value : { outcome: 'pause', reasons: '-', decidedAt: at, decidedBy: userId }, at);
			return saved(saver, gated, decision.ok ? [] : decision.problems.map((p) => ({ ...p, path: `decision.${p.path}` })), assessment);
		},

		review(assessment: RiskAssessmentRecord, outcome: ReviewOutcome | undefined, note: string): Promise<ActionResult<AssessmentReviewRecord>> {
			if (!outcome) return Promise.resolve(refused([{ path: 'outcome', message: 'Say whether you agree with the decision' }]));
			return saved(saver, reviewAssessment(assessment, { id: newId(), outcome, note, at: now(), by: userId }));
		}
	};
}

export type AssessmentActions = ReturnType<typeof assessmentActions>;
