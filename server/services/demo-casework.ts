import { caseChildDocId, serviceDocId } from '../../src/lib/domain/ids.js';
import { parseRecord, type DomainRecord } from '../../src/lib/domain/records.js';
import type { CaseStore } from './case-store.js';

interface DemoPeople {
	coordinatorId: string;
	facilitatorId: string;
	coFacilitatorId: string;
}

const DAY = 86_400_000;
const NORTHGATE = 'demo-establishment-0001';
const EASTFIELD = 'demo-establishment-0002';

type Setting = { setting: 'community' } | { setting: 'custody'; prisonNumber: string; establishmentId: string };

/**
 * The people, places and history behind the demo cases, so the facilitator's screens have something
 * true to show: safe contact details, consents, one fresh and one stale risk assessment, a visit and
 * a note. Entirely fictional, like the cases themselves.
 */
export function demoCasework(people: DemoPeople, now: Date): DomainRecord[] {
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
	const by = { createdBy: people.coordinatorId };
	const stamp = (daysAgo: number) => ({ createdAt: at(daysAgo), updatedAt: at(daysAgo), ...by });
	const inAYear = new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10);
	// Eastfield's authorisation ran out a fortnight ago: the visit screen offers a paper pack there.
	const lapsed = new Date(now.getTime() - 14 * DAY).toISOString().slice(0, 10);
	const establishment = (id: string, name: string, securityCategory: 'B' | 'C', until: string) => ({
		type: 'establishment', v: 1, id, ...stamp(30), name, securityCategory,
		visitRules: 'Book legal visits through the offender manager. Arrive 30 minutes early with photo ID.',
		devicesAuthorised: true, devicesAuthorisedUntil: until
	});
	const person = (caseId: string, id: string, role: string, name: string, preferredName: string, where: Setting, extra: object = {}) => ({
		type: 'participant', v: 1, id, caseId, ...stamp(10), role, name, preferredName, language: 'English', interpreterNeeded: false,
		accessibilityNeeds: '', ...where,
		safeContact: where.setting === 'custody'
			? { methods: ['via-offender-manager'], safeTimes: 'Visits on weekday mornings', voicemailAllowed: false, lettersToHomeAllowed: false, notes: '' }
			: { methods: ['phone', 'email'], safeTimes: 'Weekdays after 6pm', voicemailAllowed: false, lettersToHomeAllowed: false, notes: 'Do not say who is calling if someone else answers.' },
		...extra
	});
	const consent = (caseId: string, id: string, participantId: string, daysAgo: number) => ({
		type: 'consent', v: 1, id, caseId, ...stamp(daysAgo), participantId, purpose: 'take-part', agencies: [], decision: 'given', decidedAt: at(daysAgo)
	});
	const assessment = (caseId: string, id: string, participantId: string, daysAgo: number) => ({
		type: 'risk-assessment', v: 1, id, caseId, ...stamp(daysAgo), createdBy: people.facilitatorId, participantId,
		templateId: 'default-risk-checklist', templateVersion: 1, stage: 'assessment', status: 'completed', answers: {},
		decision: { outcome: 'proceed', reasons: 'Both parties prepared; no safety concerns found (fictional).', decidedAt: at(daysAgo), decidedBy: people.facilitatorId },
		completedAt: at(daysAgo)
	});
	const custody = (prisonNumber: string, establishmentId = NORTHGATE): Setting => ({ setting: 'custody', prisonNumber, establishmentId });
	const community: Setting = { setting: 'community' };
	const raw = [
		establishment(NORTHGATE, 'HMP Northgate (fictional)', 'B', inAYear),
		establishment(EASTFIELD, 'HMP Eastfield (fictional)', 'C', lapsed),
		person('demo-case-0001', 'demo-pr-0001', 'person-responsible', 'Robin Fictional', 'Robin', custody('A0001AA')),
		person('demo-case-0001', 'demo-case-0001-hp', 'harmed-person', 'Avery Fictional', 'Avery', community),
		person('demo-case-0002', 'demo-hp-0002', 'harmed-person', 'Jordan Example', 'Jo', community),
		person('demo-case-0002', 'demo-pr-0002', 'person-responsible', 'Casey Madeup', 'Casey', custody('A0002AA')),
		person('demo-case-0002', 'demo-sp-0002', 'supporter', 'Morgan Example', 'Morgan', community, { supportsParticipantId: 'demo-hp-0002' }),
		consent('demo-case-0002', 'demo-consent-0002-hp', 'demo-hp-0002', 4),
		consent('demo-case-0002', 'demo-consent-0002-pr', 'demo-pr-0002', 4),
		assessment('demo-case-0002', 'demo-assessment-0002-hp', 'demo-hp-0002', 3),
		{ type: 'contact', v: 1, id: 'demo-contact-0002', caseId: 'demo-case-0002', ...stamp(3), createdBy: people.facilitatorId, kind: 'visit',
			participantIds: ['demo-pr-0002'], professionalIds: [], establishmentId: NORTHGATE, place: 'HMP Northgate (fictional)',
			occurredAt: at(3), outcome: 'completed', summary: 'First preparation visit (fictional).' },
		{ type: 'case-note', v: 1, id: 'demo-note-0002', caseId: 'demo-case-0002', ...stamp(3), createdBy: people.facilitatorId,
			text: 'Casey asked what a meeting would be like and who would be there (fictional).', aboutParticipantIds: ['demo-pr-0002'] },
		person('demo-case-0003', 'demo-hp-0003', 'harmed-person', 'Sam Placeholder', 'Sam', community),
		person('demo-case-0003', 'demo-pr-0003', 'person-responsible', 'Alex Invented', 'Alex', custody('A0003AA', EASTFIELD)),
		consent('demo-case-0003', 'demo-consent-0003-hp', 'demo-hp-0003', 45),
		consent('demo-case-0003', 'demo-consent-0003-pr', 'demo-pr-0003', 45),
		assessment('demo-case-0003', 'demo-assessment-0003-hp', 'demo-hp-0003', 12),
		// Older than the 28 days the default policy allows: the Today list flags its review as overdue.
		assessment('demo-case-0003', 'demo-assessment-0003-pr', 'demo-pr-0003', 40),
		// Printed ten days ago and not yet destroyed or filed: past the default week, so a reminder shows.
		{ type: 'paper-pack', v: 1, id: 'demo-paper-pack-0003', caseId: 'demo-case-0003', ...stamp(10), createdBy: people.facilitatorId, printedAt: at(10),
			printedBy: people.facilitatorId, printedByName: 'Demo Facilitator One (fictional)', templateId: 'default-risk-checklist', templateVersion: 1, status: 'printed' },
		person('demo-case-0004', 'demo-hp-0004', 'harmed-person', 'Taylor Sample', 'Taylor', community),
		person('demo-case-0004', 'demo-pr-0004', 'person-responsible', 'Jamie Notreal', 'Jamie', custody('A0004AA')),
		consent('demo-case-0004', 'demo-consent-0004-hp', 'demo-hp-0004', 30),
		consent('demo-case-0004', 'demo-consent-0004-pr', 'demo-pr-0004', 30)
	];
	return raw.map((record) => {
		const parsed = parseRecord(record);
		if (!parsed.ok) throw new Error(`Demo record ${record.id} is invalid: ${JSON.stringify(parsed.problems)}`);
		return parsed.value;
	});
}

export async function seedDemoCasework(cases: CaseStore, people: DemoPeople, now: Date): Promise<void> {
	for (const record of demoCasework(people, now)) {
		const docId = 'caseId' in record ? caseChildDocId(record.caseId, record.type, record.id) : serviceDocId(record.type, record.id);
		await cases.insertRecord(docId, record);
	}
}
