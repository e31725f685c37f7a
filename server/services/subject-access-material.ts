import { DEFAULT_CHECKLIST_TEMPLATE, parseChecklistTemplate, templateDocumentId, type ChecklistTemplate } from '../../src/lib/domain/checklist-template.js';
import { serviceDocId } from '../../src/lib/domain/ids.js';
import type { ParticipantRecord } from '../../src/lib/domain/participant.js';
import { parseRecord, type DomainRecord } from '../../src/lib/domain/records.js';
import type { FieldProblem } from '../../src/lib/domain/validation.js';
import type { AuditEntry } from '../../src/lib/protocol/audit.js';
import type { SubjectReviewRequest } from '../../src/lib/protocol/subject-access.js';
import { badRequest } from '../http/api-error.js';
import { getDoc } from '../store/documents.js';
import { withoutCouchFields } from './case-store.js';
import type { Services } from './services.js';

/** Everything held in the subject's cases, and the lookups that turn ids into words. */
export interface SubjectMaterial {
	subjects: ParticipantRecord[];
	records: DomainRecord[];
	references: Map<string, string>;
	audit: AuditEntry[];
	staffName(userId: string | undefined): string;
	deviceLabel(deviceId: string | undefined): string;
	establishmentName(id: string | undefined): string;
	professionalName(id: string | undefined): string;
	question(templateId: string, version: number, key: string): string;
}

type Lookup = Pick<Services, 'cases' | 'accounts' | 'devices' | 'audit' | 'couch'>;

/** Looks each id up once, so a long audit log costs one read per person or device. */
async function namesFor(ids: Iterable<string>, read: (id: string) => Promise<string | undefined>): Promise<Map<string, string>> {
	const unique = [...new Set(ids)];
	const names = await Promise.all(unique.map(read));
	return new Map(unique.flatMap((id, i) => (names[i] ? [[id, names[i]] as const] : [])));
}

const humanise = (key: string) => {
	const words = (key.split('.').pop() ?? key).replace(/-/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Loads the cases of the chosen participant records, refusing (400, naming the entry) a case that
 * does not exist or a participant who is not on it, before anything is read for release.
 */
export async function loadSubjectMaterial(services: Lookup, chosen: SubjectReviewRequest['participants']): Promise<SubjectMaterial> {
	const caseIds = [...new Set(chosen.map((c) => c.caseId))];
	const summaries = new Map((await services.cases.summaries(caseIds)).map((s) => [s.id, s.reference]));
	const records = (await services.cases.documentsOf(caseIds.filter((id) => summaries.has(id)))).flatMap((doc) => {
		const parsed = parseRecord(withoutCouchFields(doc as never));
		return parsed.ok ? [parsed.value] : [];
	});
	const problems: FieldProblem[] = [];
	const subjects: ParticipantRecord[] = [];
	chosen.forEach((c, index) => {
		const found = records.find((r): r is ParticipantRecord => r.type === 'participant' && r.caseId === c.caseId && r.id === c.participantId);
		if (found) subjects.push(found);
		else if (!summaries.has(c.caseId)) problems.push({ path: `participants.${index}.caseId`, message: 'Choose a case that exists' });
		else problems.push({ path: `participants.${index}.participantId`, message: 'Choose a person who is on that case' });
	});
	if (problems.length > 0) throw badRequest(problems);

	const db = services.couch.dbs.records;
	const audit = (await Promise.all(caseIds.map((id) => services.audit.forCase(id)))).flat();
	const userIds = [...audit.map((a) => a.userId), ...records.flatMap((r) => [r.createdBy, ...(r.type === 'risk-assessment' && r.decision ? [r.decision.decidedBy] : []),
		...(r.type === 'meeting' ? r.facilitatorIds : []), ...(r.type === 'outcome-agreement' ? [r.monitoredBy] : [])])];
	const staff = await namesFor(userIds, async (id) => (await services.accounts.findById(id))?.displayName);
	const devices = await namesFor(audit.flatMap((a) => (a.deviceId ? [a.deviceId] : [])), async (id) => (await services.devices.get(id))?.label);
	const serviceName = (type: string) => async (id: string) => (await getDoc<{ name?: string }>(db, serviceDocId(type, id)))?.name;
	const establishments = await namesFor(subjects.flatMap((s) => (s.establishmentId ? [s.establishmentId] : [])), serviceName('establishment'));
	const professionalIds = [...subjects.flatMap((s) => (s.offenderManagerId ? [s.offenderManagerId] : [])), ...records.flatMap((r) => (r.type === 'contact' ? r.professionalIds : []))];
	const professionals = await namesFor(professionalIds, serviceName('professional'));
	const templates = new Map<string, ChecklistTemplate>([[DEFAULT_CHECKLIST_TEMPLATE.id, DEFAULT_CHECKLIST_TEMPLATE]]);
	for (const r of records) {
		if (r.type !== 'risk-assessment') continue;
		const id = templateDocumentId(r.templateId, r.templateVersion);
		if (templates.has(id)) continue;
		const parsed = parseChecklistTemplate(withoutCouchFields((await getDoc<never>(db, serviceDocId('checklist-template', id))) ?? ({} as never)));
		if (parsed.ok) templates.set(id, parsed.value);
	}

	return {
		subjects,
		records,
		references: summaries,
		audit,
		staffName: (id) => (id ? (staff.get(id) ?? 'A former member of staff') : ''),
		deviceLabel: (id) => (id ? (devices.get(id) ?? 'A device no longer registered') : 'An office computer'),
		establishmentName: (id) => (id ? (establishments.get(id) ?? '') : ''),
		professionalName: (id) => (id ? (professionals.get(id) ?? 'A professional') : ''),
		question(templateId, version, key) {
			const [sectionId, questionId] = key.split('.');
			const template = templates.get(templateDocumentId(templateId, version));
			const question = template?.sections.find((s) => s.id === sectionId)?.questions.find((q) => q.id === questionId);
			return question?.text ?? humanise(key);
		}
	};
}
