import { describe, expect, it } from 'vitest';
import { caseFileFrom } from '../casework/case-file.js';
import { assessed, caseAt, daysAfter, RESPONSIBLE, START } from '../domain/facts-fixtures.js';
import { startAssessment } from '../domain/assessment-run.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import { DEFAULT_SERVICE_POLICY } from '../domain/service-policy.js';
import { availableTemplates } from './checklist-templates.js';
import { assessmentRows } from './assessment-list.js';
import { smallTemplate } from './checklist-fixtures.js';

describe('the list of a case’s assessments', () => {
	const draft = startAssessment({ id: 'assessment-draft-01', caseId: 'case-0001-abcd', participantId: RESPONSIBLE.id, stage: 'assessment', template: smallTemplate(), at: START, by: 'user-facilitator-a' });
	const old = assessed(RESPONSIBLE.id, 'proceed', START);
	const review = { ...exampleRecords['assessment-review'](), assessmentId: old.id };
	const rows = (now: string) =>
		assessmentRows(caseFileFrom([caseAt('assessment'), RESPONSIBLE, old, draft, review] as never), availableTemplates([smallTemplate()]), DEFAULT_SERVICE_POLICY, now);

	it('puts drafts first, with their progress, then completed ones with their review', () => {
		const [first, second] = rows(daysAfter(3));
		expect(first!.assessment.id).toBe('assessment-draft-01');
		expect(first!.progress?.requiredLeft).toHaveLength(3);
		expect(second!.assessment.id).toBe(old.id);
		expect(second!.reviewed).toBe(true);
		expect(second!.progress?.total).toBeGreaterThan(0);
	});

	it('flags a completed assessment older than the service allows', () => {
		expect(rows(daysAfter(28))[1]!.stale).toBe(false);
		expect(rows(daysAfter(29))[1]).toMatchObject({ stale: true, ageDays: 29 });
	});
});
