import { parseCaseRecord, type CaseRecord } from '../../src/lib/domain/case-record.js';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import type { Services } from '../../server/services/services.js';

/** A case written straight to the store, open or closed on a given day, with its records. */
export async function caseWith(services: Services, id: string, reference: string, by: string, facilitatorIds: string[], closed?: { exitReason: string; exitDate: string }): Promise<CaseRecord> {
	const at = '2019-03-01T09:00:00.000Z';
	const parsed = parseCaseRecord({
		type: 'case', v: 1, id, reference, referralSource: 'self', justiceStage: 'custodial-sentence', offenceDate: '2018-11-02',
		stage: closed ? 'closed' : 'assessment', status: closed ? 'closed' : 'open',
		...(closed ? { ...closed, exitNote: 'Sam Example moved out of the area.' } : {}),
		stageHistory: [{ stage: 'referral', at }, { stage: 'assessment', at }, ...(closed ? [{ stage: 'closed' as const, at: closed.exitDate }] : [])],
		facilitatorIds, coordinatorId: by, createdAt: at, updatedAt: at, createdBy: by
	});
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	await services.cases.create(parsed.value);
	for (const userId of facilitatorIds) await services.accounts.assign(userId, id, new Date());
	return parsed.value;
}

export const SAM = 'participant-sam-0001';
export const JO = 'participant-jo-00001';

/** Sam (person responsible, in custody) and Jo (harmed person), with records that name them. */
export function peopleOf(caseId: string): Record<string, unknown>[] {
	const inCase = { caseId, createdBy: 'user-facilitator-a' };
	return [
		{ ...exampleRecords.participant(), ...inCase, id: SAM },
		{ ...exampleRecords.participant(), ...inCase, id: JO, role: 'harmed-person', name: 'Jo Sample', preferredName: 'Jo', setting: 'community', prisonNumber: undefined, establishmentId: undefined, offenderManagerId: undefined },
		{ ...exampleRecords['case-note'](), ...inCase, id: 'note-sam-only-01', text: 'Sam Example asked about a meeting.', aboutParticipantIds: [SAM] },
		{ ...exampleRecords['case-note'](), ...inCase, id: 'note-both-00001', text: 'Sam and Jo both want to go on. Sam Example (A1234BC) is ready.', aboutParticipantIds: [SAM, JO] },
		{ ...exampleRecords['case-note'](), ...inCase, id: 'note-jo-only-001', text: 'Jo will call back on Friday.', aboutParticipantIds: [JO] },
		{ ...exampleRecords.consent(), ...inCase, id: 'consent-sam-0001', participantId: SAM },
		{ ...exampleRecords.consent(), ...inCase, id: 'consent-jo-00001', participantId: JO },
		{ ...exampleRecords['risk-assessment'](), ...inCase, id: 'assessment-sam-01', participantId: SAM },
		{ ...exampleRecords.letter(), ...inCase, id: 'letter-jo-to-sam', fromParticipantId: JO, toParticipantId: SAM, body: 'Dear Sam, I have questions.' },
		{ ...exampleRecords.contact(), ...inCase, id: 'contact-both-001', participantIds: [SAM, JO], summary: 'Phoned Jo; Sam was told by letter.' },
		{ ...exampleRecords.feedback(), ...inCase, id: 'feedback-sam-001', participantId: SAM, role: 'person-responsible', receivedAt: '2026-01-10T09:00:00.000Z' }
	].map((record) => JSON.parse(JSON.stringify(record)) as Record<string, unknown>);
}

export async function addRecords(services: Services, records: Record<string, unknown>[]): Promise<void> {
	for (const record of records) await services.cases.insertRecord(caseChildDocId(String(record.caseId), String(record.type), String(record.id)), record);
}
