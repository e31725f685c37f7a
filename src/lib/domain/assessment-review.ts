import * as v from 'valibot';
import { caseDocumentFields, optionalText, recordId } from './fields.js';
import { gate, refuse, type Gated } from './gate.js';
import type { RiskAssessmentRecord } from './risk-assessment.js';
import { validate, type Validated } from './validation.js';

export const REVIEW_OUTCOMES = ['agreed', 'concerns'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
	agreed: 'I agree with the decision',
	concerns: 'I have concerns about the decision'
};

const entries = {
	type: v.literal('assessment-review'),
	v: v.literal(1),
	...caseDocumentFields,
	assessmentId: recordId,
	outcome: v.picklist(REVIEW_OUTCOMES, 'Say whether you agree with the decision'),
	note: optionalText(5_000)
};

type ReviewShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

/**
 * The co-facilitator's review of a completed risk assessment. Its own append-only document:
 * the completed assessment is frozen, and two reviews written offline never collide.
 * `createdBy` is the reviewer and `createdAt` when they reviewed.
 */
export const assessmentReviewSchema = v.pipe(
	v.strictObject(entries),
	v.forward(v.check((r: ReviewShape) => r.outcome !== 'concerns' || r.note.trim() !== '', 'Write what concerns you'), ['note'])
);

export type AssessmentReviewRecord = v.InferOutput<typeof assessmentReviewSchema>;

export function parseAssessmentReview(input: unknown): Validated<AssessmentReviewRecord> {
	return validate(assessmentReviewSchema, input);
}

export interface ReviewAssessment {
	id: string;
	outcome: ReviewOutcome;
	note: string;
	at: string;
	by: string;
}

/** A review is of a completed assessment, by someone other than the person who decided it. */
export function reviewAssessment(assessment: RiskAssessmentRecord, input: ReviewAssessment): Gated<AssessmentReviewRecord> {
	const failures =
		assessment.status !== 'completed'
			? [refuse('assessment-not-completed', 'Complete the assessment before it is reviewed')]
			: input.by === assessment.decision?.decidedBy
				? [refuse('assessment-reviewer-is-assessor', 'The co-facilitator reviews an assessment, not the person who decided it')]
				: [];
	return gate(failures, () => ({
		type: 'assessment-review' as const,
		v: 1 as const,
		id: input.id,
		caseId: assessment.caseId,
		assessmentId: assessment.id,
		outcome: input.outcome,
		note: input.note,
		createdAt: input.at,
		updatedAt: input.at,
		createdBy: input.by
	}));
}

/** Reviews of one assessment, oldest first, so every device lists them alike. */
export function reviewsOf(reviews: readonly AssessmentReviewRecord[], assessmentId: string): AssessmentReviewRecord[] {
	return reviews
		.filter((r) => r.assessmentId === assessmentId)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
