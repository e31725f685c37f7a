import { describe, expect, it } from 'vitest';
import { parseAssessmentReview, reviewAssessment, reviewsOf, type AssessmentReviewRecord } from './assessment-review.js';
import { exampleRecords, exampleWith } from './record-fixtures.js';
import type { RiskAssessmentRecord } from './risk-assessment.js';

const AT = '2026-10-02T10:00:00.000Z';
const draft = () => exampleRecords['risk-assessment']() as RiskAssessmentRecord;
const completed = (): RiskAssessmentRecord => ({
	...draft(),
	status: 'completed',
	completedAt: AT,
	decision: { outcome: 'proceed', reasons: 'Both ready.', decidedAt: AT, decidedBy: 'user-facilitator-a' }
});
const input = (by: string) => ({ id: 'review-0002-abcd', outcome: 'agreed' as const, note: '', at: AT, by });

describe('assessment review', () => {
	it('is recorded by the co-facilitator against a completed assessment', () => {
		const result = reviewAssessment(completed(), input('user-facilitator-b'));
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value).toMatchObject({ assessmentId: 'assessment-0001', caseId: 'case-0001-abcd', createdBy: 'user-facilitator-b', outcome: 'agreed' });
			expect(parseAssessmentReview(result.value).ok).toBe(true);
		}
	});

	it('is refused for a draft, and for the person who made the decision', () => {
		expect(reviewAssessment(draft(), input('user-facilitator-b'))).toEqual({
			ok: false,
			failures: [{ code: 'assessment-not-completed', reason: 'Complete the assessment before it is reviewed' }]
		});
		expect(reviewAssessment(completed(), input('user-facilitator-a'))).toMatchObject({
			ok: false,
			failures: [{ code: 'assessment-reviewer-is-assessor' }]
		});
	});

	it('asks what concerns the reviewer when they have concerns', () => {
		const result = parseAssessmentReview(exampleWith('assessment-review', (r) => (r.outcome = 'concerns')));
		expect(result).toEqual({ ok: false, problems: [{ path: 'note', message: 'Write what concerns you' }] });
	});

	it('lists the reviews of one assessment oldest first', () => {
		const review = (id: string, assessmentId: string, createdAt: string) =>
			({ ...exampleRecords['assessment-review'](), id, assessmentId, createdAt }) as AssessmentReviewRecord;
		const list = [review('review-c', 'assessment-0001', '2026-10-03T00:00:00.000Z'), review('review-b', 'other-assessment', AT), review('review-a', 'assessment-0001', AT)];
		expect(reviewsOf(list, 'assessment-0001').map((r) => r.id)).toEqual(['review-a', 'review-c']);
	});
});
