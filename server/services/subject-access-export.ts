import type { Actor } from '../auth/authenticate.js';
import type { FieldProblem } from '../../src/lib/domain/validation.js';
import {
	SUBJECT_SECTIONS,
	SUBJECT_SECTION_HEADINGS,
	type SubjectExportDocument,
	type SubjectExportRequest,
	type SubjectExportResponse
} from '../../src/lib/protocol/subject-access.js';
import { badRequest } from '../http/api-error.js';
import { auditEntry } from './audit-log.js';
import type { Services } from './services.js';
import { buildSubjectReview } from './subject-access.js';
import { renderSubjectAccessHtml } from './subject-access-html.js';
import { loadSubjectMaterial } from './subject-access-material.js';
import { ukDate } from './uk-dates.js';

/**
 * Produces the copy to release: the review's items less those the coordinator left out, as HTML
 * and JSON. The export is audited on each case it drew from, with counts and no names; the audit
 * is written before anything is answered, so no copy leaves unrecorded.
 */
export async function exportSubject(services: Services, actor: Actor, request: SubjectExportRequest, now: Date): Promise<SubjectExportResponse> {
	const review = buildSubjectReview(await loadSubjectMaterial(services, request.participants));
	const known = new Set(review.items.map((item) => item.key));
	const problems: FieldProblem[] = request.exclude.flatMap((key, index) =>
		known.has(key) ? [] : [{ path: `exclude.${index}`, message: 'Choose an item from the review; this one is not in it' }]
	);
	if (problems.length > 0) throw badRequest(problems);
	const excluded = new Set(request.exclude);
	const kept = review.items.filter((item) => !excluded.has(item.key));

	const document: SubjectExportDocument = {
		title: 'Information we hold about you',
		producedOn: ukDate(now.toISOString()),
		name: review.name,
		caseReferences: review.caseReferences,
		sections: SUBJECT_SECTIONS.map((section) => ({
			heading: SUBJECT_SECTION_HEADINGS[section],
			items: kept.filter((item) => item.section === section).map(({ caseReference, title, date, fields }) => ({ caseReference, title, date, fields }))
		})),
		access: review.access
	};

	const perCase = (caseId: string) => {
		const ofCase = review.items.filter((item) => review.caseOfItem.get(item.key) === caseId);
		return {
			items: ofCase.filter((item) => !excluded.has(item.key)).length,
			redacted: ofCase.filter((item) => !excluded.has(item.key) && item.redactions > 0).length,
			excluded: ofCase.filter((item) => excluded.has(item.key)).length
		};
	};
	await services.audit.append(
		request.participants.map((p) => auditEntry(actor, p.caseId, 'export', now, { recordId: p.participantId, exported: perCase(p.caseId) }))
	);

	return {
		fileStem: `tandem-subject-access-${review.caseReferences[0] ?? 'export'}-${now.toISOString().slice(0, 10)}`,
		html: renderSubjectAccessHtml(document),
		document,
		counts: {
			items: kept.length,
			redacted: kept.filter((item) => item.redactions > 0).length,
			excluded: excluded.size,
			accessLines: review.access.length
		}
	};
}
