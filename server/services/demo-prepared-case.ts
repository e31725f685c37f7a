import { caseChildDocId, caseDocId, serviceDocId } from '../../src/lib/domain/ids.js';
import { parseRecord, type DomainRecord } from '../../src/lib/domain/records.js';
import type { CaseStore } from './case-store.js';

/** A case ready for letters and a meeting, except that one party's risk assessment has gone stale. */
export const DEMO_PREPARED_CASE = { id: 'demo-case-0201', reference: 'RJ-2026-0201' } as const;
const ESTABLISHMENT_ID = 'demo-establishment-0003';
const HARMED = 'demo-0201-harmed';
const RESPONSIBLE = 'demo-0201-responsible';
const SUPPORTER = 'demo-0201-supporter';
/** Older than the default 28-day freshness period, so a meeting is refused until reassessment. */
const STALE_DAYS = 40;

const safeContact = (methods: string[]) => ({ methods, safeTimes: 'Weekday afternoons', voicemailAllowed: false, lettersToHomeAllowed: false, notes: '' });

function records(facilitatorId: string, coFacilitatorId: string, coordinatorId: string, now: Date): unknown[] {
	const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
	const stamps = (days: number, by = facilitatorId) => ({ createdAt: ago(days), updatedAt: ago(days), createdBy: by });
	const inCase = (days: number) => ({ caseId: DEMO_PREPARED_CASE.id, ...stamps(days) });
	const person = (id: string, role: string, name: string, extra: Record<string, unknown>) => ({
		type: 'participant', v: 1, id, ...inCase(55), role, name, language: 'English', interpreterNeeded: false, accessibilityNeeds: '', ...extra
	});
	const consent = (participantId: string) => ({
		type: 'consent', v: 1, id: `${participantId}-consent`, ...inCase(50), participantId, purpose: 'take-part', agencies: [], decision: 'given', decidedAt: ago(50)
	});
	const assessment = (participantId: string, days: number) => ({
		type: 'risk-assessment', v: 1, id: `${participantId}-assessment`, ...inCase(days), participantId, templateId: 'default-risk-checklist',
		templateVersion: 1, stage: 'assessment', status: 'completed', answers: {}, completedAt: ago(days),
		decision: { outcome: 'proceed', reasons: 'Both facilitators agree a meeting can go ahead safely.', decidedAt: ago(days), decidedBy: facilitatorId }
	});
	return [
		{ type: 'establishment', v: 1, id: ESTABLISHMENT_ID, ...stamps(90, coordinatorId), name: 'HMP Demo Ridge (fictional)', securityCategory: 'C', visitRules: 'Legal visits hall, weekdays 09:30 to 11:30', devicesAuthorised: true, devicesAuthorisedUntil: ago(-365).slice(0, 10) },
		{ type: 'case', v: 1, id: DEMO_PREPARED_CASE.id, reference: DEMO_PREPARED_CASE.reference, referralSource: 'victim-services', justiceStage: 'custodial-sentence', establishmentId: ESTABLISHMENT_ID, stage: 'communication', status: 'open', facilitatorIds: [facilitatorId, coFacilitatorId], coordinatorId, ...stamps(60, coordinatorId) },
		person(HARMED, 'harmed-person', 'Robin Demo (fictional)', { safeContact: safeContact(['phone']), setting: 'community' }),
		person(RESPONSIBLE, 'person-responsible', 'Casey Demo (fictional)', { safeContact: safeContact(['via-offender-manager']), setting: 'custody', prisonNumber: 'Z9999ZZ', establishmentId: ESTABLISHMENT_ID }),
		person(SUPPORTER, 'supporter', 'Jamie Demo (fictional)', { supportsParticipantId: HARMED, safeContact: safeContact(['phone']), setting: 'community' }),
		consent(HARMED), consent(RESPONSIBLE), consent(SUPPORTER),
		assessment(HARMED, 3), assessment(RESPONSIBLE, STALE_DAYS)
	];
}

function docIdOf(record: DomainRecord): string {
	if (record.type === 'case') return caseDocId(record.id);
	return 'caseId' in record ? caseChildDocId(record.caseId, record.type, record.id) : serviceDocId(record.type, record.id);
}

/**
 * Adds the prepared demo case (RJ-2026-0201) and its establishment; each record is validated by
 * the domain first. Returns the case id, for the caller to assign its facilitators.
 */
export async function loadDemoCasework(cases: CaseStore, people: { facilitatorId: string; coFacilitatorId: string; coordinatorId: string }, now: Date): Promise<string> {
	for (const input of records(people.facilitatorId, people.coFacilitatorId, people.coordinatorId, now)) {
		const parsed = parseRecord(input);
		if (!parsed.ok) throw new Error(`Demo record ${JSON.stringify(input)} is invalid: ${JSON.stringify(parsed.problems)}`);
		await cases.insertRecord(docIdOf(parsed.value), parsed.value);
	}
	return DEMO_PREPARED_CASE.id;
}
