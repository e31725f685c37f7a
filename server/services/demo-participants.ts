import { caseChildDocId, serviceDocId } from '../../src/lib/domain/ids.js';
import { parseRecord } from '../../src/lib/domain/records.js';
import type { CaseStore } from './case-store.js';

const ESTABLISHMENT_ID = 'demo-establishment-0001';

// Made up, and named so: no real person, prison number or offence.
const PEOPLE = [
	{ suffix: 'hp', role: 'harmed-person', name: 'Robin Fictional', setting: 'community', methods: ['phone', 'email'] },
	{ suffix: 'pr', role: 'person-responsible', name: 'Casey Fictional', setting: 'custody', methods: ['via-offender-manager'] }
] as const;

function establishment(at: string, by: string): Record<string, unknown> {
	return {
		type: 'establishment', v: 1, id: ESTABLISHMENT_ID, name: 'HMP Example (fictional)', securityCategory: 'C',
		visitRules: 'Legal visits hall, weekdays 09:30 to 11:30', devicesAuthorised: true,
		devicesAuthorisedUntil: `${Number(at.slice(0, 4)) + 1}-03-31`, createdAt: at, updatedAt: at, createdBy: by
	};
}

function participant(caseId: string, person: (typeof PEOPLE)[number], at: string, by: string): Record<string, unknown> {
	const serial = caseId.slice(-4);
	return {
		type: 'participant', v: 1, id: `${caseId}-${person.suffix}`, caseId, role: person.role, name: person.name,
		language: 'English', interpreterNeeded: false, accessibilityNeeds: '',
		safeContact: { methods: [...person.methods], safeTimes: 'Weekdays 10:00 to 16:00', voicemailAllowed: false, lettersToHomeAllowed: false, notes: '' },
		setting: person.setting,
		...(person.setting === 'custody' ? { prisonNumber: `A${serial}DM`, establishmentId: ESTABLISHMENT_ID } : {}),
		createdAt: at, updatedAt: at, createdBy: by
	};
}

/**
 * Gives each demo case a harmed person and a person responsible (held at a fictional prison),
 * so the facilitator's screens have people to assess and ask for consent. Written once, with
 * fixed ids: a second load, or another loader writing the same ids, leaves them as they are.
 */
export async function loadDemoParticipants(cases: CaseStore, caseIds: readonly string[], coordinatorId: string, now: Date): Promise<void> {
	const at = now.toISOString();
	const records = [establishment(at, coordinatorId), ...caseIds.flatMap((caseId) => PEOPLE.map((person) => participant(caseId, person, at, coordinatorId)))];
	for (const record of records) {
		const parsed = parseRecord(record);
		if (!parsed.ok) throw new Error(`Demo record ${String(record.id)} is invalid: ${JSON.stringify(parsed.problems)}`);
		const docId = 'caseId' in parsed.value ? caseChildDocId(parsed.value.caseId, parsed.value.type, parsed.value.id) : serviceDocId(parsed.value.type, parsed.value.id);
		await cases.insertRecord(docId, parsed.value);
	}
}
