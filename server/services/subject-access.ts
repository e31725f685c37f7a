import type { AuditAction } from '../../src/lib/protocol/audit.js';
import type { ParticipantRecord } from '../../src/lib/domain/participant.js';
import type { DomainRecord } from '../../src/lib/domain/records.js';
import { REVIEW_REASONS, namesToRedact, recordsAboutSubject, redactNames } from '../../src/lib/domain/subject-access.js';
import { SUBJECT_SECTIONS, type SubjectAccessLine, type SubjectItem, type SubjectReviewResponse } from '../../src/lib/protocol/subject-access.js';
import { describeRecord } from './subject-access-items.js';
import type { SubjectMaterial } from './subject-access-material.js';
import { ukDateTime } from './uk-dates.js';

const RECORD_WORDS: Partial<Record<DomainRecord['type'], string>> = {
	case: 'the case',
	participant: 'your details',
	'case-note': 'a case note',
	contact: 'a contact record',
	consent: 'a consent decision',
	'risk-assessment': 'a risk assessment',
	'assessment-review': 'an assessment review',
	letter: 'a letter',
	meeting: 'a meeting record',
	'outcome-agreement': 'an outcome agreement',
	feedback: 'feedback'
};
const ACTION_WORDS: Record<AuditAction, string> = { read: 'Read', create: 'Wrote', change: 'Changed', export: 'Exported', delete: 'Deleted' };

/** The review a coordinator reads: every record about the subject, as it would be released, sorted by section, case and time. */
export interface SubjectReview extends SubjectReviewResponse {
	/** Which case each item and access line belongs to, for the export's per-case audit. */
	caseOfItem: Map<string, string>;
	accessByCase: Map<string, number>;
}

export function buildSubjectReview(material: SubjectMaterial): SubjectReview {
	const subjectIds = new Set(material.subjects.map((s) => s.id));
	const others = material.records.filter((r): r is ParticipantRecord => r.type === 'participant' && !subjectIds.has(r.id));
	const names = namesToRedact(material.subjects, others);
	const about = recordsAboutSubject(subjectIds, material.records);
	const ctx = { ...material, isSubject: (id: string | undefined) => id !== undefined && subjectIds.has(id) };
	const caseOfItem = new Map<string, string>();

	const entries = about.flatMap(({ record, reviewReasons }) => {
		const described = describeRecord(record, ctx);
		if (!described) return [];
		const caseId = record.type === 'case' ? record.id : 'caseId' in record ? record.caseId : '';
		let redactions = 0;
		// The subject's own details keep their own names; every other field hides other people's.
		const fields = described.fields.map((f) => {
			const redacted = redactNames(f.value, names);
			redactions += redacted.count;
			return { label: f.label, value: redacted.text };
		});
		const key = `${caseId}:${record.type}:${record.id}`;
		caseOfItem.set(key, caseId);
		const item: SubjectItem = {
			key,
			section: described.section,
			caseReference: material.references.get(caseId) ?? '',
			title: described.title,
			date: described.date,
			fields,
			reviewReasons: redactions > 0 ? [...reviewReasons, REVIEW_REASONS.namesOthers] : reviewReasons,
			redactions
		};
		return [{ item, at: record.createdAt }];
	});
	const order = (s: SubjectItem['section']) => SUBJECT_SECTIONS.indexOf(s);
	entries.sort((a, b) => order(a.item.section) - order(b.item.section) || a.item.caseReference.localeCompare(b.item.caseReference) || a.at.localeCompare(b.at));

	const released = new Map(about.map(({ record }) => [`${'caseId' in record ? record.caseId : record.id}/${record.id}`, record.type]));
	const accessByCase = new Map<string, number>();
	const access: SubjectAccessLine[] = material.audit.flatMap((line) => {
		// Lines about the case as a whole or about a record in this export; not other people's records.
		const kind = line.recordId === undefined || line.recordId === line.caseId ? 'case' : released.get(`${line.caseId}/${line.recordId}`);
		if (!kind) return [];
		accessByCase.set(line.caseId, (accessByCase.get(line.caseId) ?? 0) + 1);
		return [{
			caseReference: material.references.get(line.caseId) ?? '',
			when: ukDateTime(line.deviceTime ?? line.serverTime),
			who: material.staffName(line.userId),
			what: `${ACTION_WORDS[line.action]} ${RECORD_WORDS[kind] ?? 'a record'}`,
			device: material.deviceLabel(line.deviceId),
			how: line.source === 'offline-report' ? 'On a tablet while offline, reported at its next sync' : 'Online'
		}];
	});

	return {
		name: material.subjects[0]?.name ?? '',
		caseReferences: [...new Set(material.subjects.map((s) => material.references.get(s.caseId) ?? ''))].sort(),
		items: entries.map((e) => e.item),
		access,
		caseOfItem,
		accessByCase
	};
}
