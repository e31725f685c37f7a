import * as v from 'valibot';
import { CASE_STAGES } from './case-stage.js';
import { ANSWERS } from './checklist-template.js';
import { fromPaperSchema } from './paper-pack.js';
import { caseDocumentFields, isoDateTime, optionalText, recordId, requiredText, userId } from './fields.js';
import { validate, type Validated } from './validation.js';

export const RISK_DECISIONS = ['proceed', 'indirect-only', 'pause', 'not-suitable'] as const;
export type RiskDecision = (typeof RISK_DECISIONS)[number];

export const RISK_DECISION_LABELS: Record<RiskDecision, string> = {
	proceed: 'Proceed to direct communication',
	'indirect-only': 'Indirect communication only',
	pause: 'Pause',
	'not-suitable': 'Not suitable'
};

export const answerSchema = v.strictObject({
	answer: v.picklist(ANSWERS, 'Choose yes, no or not known'),
	narrative: optionalText(10_000),
	source: optionalText(500),
	mitigation: optionalText(5_000)
});
export type AssessmentAnswer = v.InferOutput<typeof answerSchema>;

export const decisionSchema = v.strictObject({
	outcome: v.picklist(RISK_DECISIONS, 'Choose proceed, indirect only, pause or not suitable'),
	reasons: requiredText('Give the reasons for the decision', 10_000),
	decidedAt: isoDateTime,
	decidedBy: userId('Record who made the decision')
});
export type AssessmentDecision = v.InferOutput<typeof decisionSchema>;

const entries = {
	type: v.literal('risk-assessment'),
	v: v.literal(1),
	...caseDocumentFields,
	participantId: recordId,
	/** The template version the run started on; it stays bound to it whatever is published later. */
	templateId: v.pipe(v.string('Choose a checklist template'), v.minLength(1, 'Choose a checklist template')),
	templateVersion: v.pipe(v.number('Enter the template version'), v.integer('Use a whole number'), v.minValue(1, 'Versions start at 1')),
	stage: v.picklist(CASE_STAGES, 'Choose a stage from the list'),
	status: v.picklist(['draft', 'completed'], 'Choose draft or completed'),
	/** Keyed "section.question", as in the template. */
	answers: v.record(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'Use a question key like safety.physical-harm')), answerSchema),
	decision: v.optional(decisionSchema),
	completedAt: v.optional(isoDateTime),
	/** Present when the answers were typed up from a paper pack. */
	fromPaper: v.optional(fromPaperSchema)
};

type AssessmentShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

export const riskAssessmentSchema = v.pipe(
	v.strictObject(entries),
	v.forward(v.check((a: AssessmentShape) => a.status !== 'completed' || a.decision !== undefined, 'Record the decision before completing the assessment'), ['decision']),
	v.forward(v.check((a: AssessmentShape) => a.status !== 'completed' || a.completedAt !== undefined, 'Record when the assessment was completed'), ['completedAt'])
);

export type RiskAssessmentRecord = v.InferOutput<typeof riskAssessmentSchema>;

export function parseRiskAssessment(input: unknown): Validated<RiskAssessmentRecord> {
	return validate(riskAssessmentSchema, input);
}
