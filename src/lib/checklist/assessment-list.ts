import type { CaseFile } from '../casework/case-file.js';
import { reviewsOf } from '../domain/assessment-review.js';
import { templateOf } from '../domain/assessment-run.js';
import { daysBetween } from '../domain/case-facts.js';
import type { ChecklistTemplate } from '../domain/checklist-template.js';
import type { ParticipantRecord } from '../domain/participant.js';
import type { RiskAssessmentRecord } from '../domain/risk-assessment.js';
import type { ServicePolicy } from '../domain/service-policy.js';
import { checklistProgress, type ChecklistProgress } from './checklist-progress.js';

export interface AssessmentRow {
	assessment: RiskAssessmentRecord;
	participant?: ParticipantRecord;
	/** Undefined when the template version or participant is not on the device. */
	progress?: ChecklistProgress;
	reviewed: boolean;
	/** A completed assessment older than the service allows before a meeting or letter. */
	stale: boolean;
	ageDays?: number;
}

/** A case's assessments for its list: drafts first (to resume), then the latest completed. */
export function assessmentRows(file: CaseFile, templates: readonly ChecklistTemplate[], policy: ServicePolicy, now: string): AssessmentRow[] {
	const rows = file.assessments.map((assessment): AssessmentRow => {
		const participant = file.participants.find((p) => p.id === assessment.participantId);
		const template = templateOf(assessment, templates);
		const ageDays = assessment.completedAt ? daysBetween(assessment.completedAt, now) : undefined;
		return {
			assessment,
			participant,
			progress: participant && template && checklistProgress(template, participant.role, assessment.stage, assessment.answers),
			reviewed: reviewsOf(file.reviews, assessment.id).length > 0,
			stale: ageDays !== undefined && ageDays > policy.riskAssessmentFreshnessDays,
			...(ageDays === undefined ? {} : { ageDays })
		};
	});
	const drafts = rows.filter((r) => r.assessment.status === 'draft').sort((a, b) => b.assessment.updatedAt.localeCompare(a.assessment.updatedAt));
	const done = rows.filter((r) => r.assessment.status === 'completed').sort((a, b) => (b.assessment.completedAt ?? '').localeCompare(a.assessment.completedAt ?? ''));
	return [...drafts, ...done];
}
