import type { ParticipantRecord } from '../../src/lib/domain/participant.js';
import { parseRecord } from '../../src/lib/domain/records.js';
import type { SubjectMatch } from '../../src/lib/protocol/subject-access.js';
import type { Services } from './services.js';
import { withoutCouchFields } from './case-store.js';

const MAX_MATCHES = 50;
const words = (text: string) => text.toLocaleLowerCase('en-GB').split(/[\s()]+/u).filter(Boolean);

/**
 * Participants whose names, prison number or case reference start with every word searched for.
 * The first word is one prefix range of the `subject-search` view; the rest narrow what it found.
 */
export async function searchSubjects(services: Pick<Services, 'couch' | 'cases'>, query: string): Promise<SubjectMatch[]> {
	const [first = '', ...rest] = words(query);
	const db = services.couch.dbs.records;
	const rows = (await db.view('tandem', 'subject-search', { startkey: first, endkey: `${first}\ufff0`, include_docs: true })).rows;
	const participants = new Map<string, ParticipantRecord>();
	const caseIdsByReference = new Set<string>();
	for (const row of rows) {
		const parsed = parseRecord(withoutCouchFields(row.doc as never));
		if (!parsed.ok) continue;
		if (parsed.value.type === 'participant') participants.set(row.id, parsed.value);
		if (parsed.value.type === 'case') caseIdsByReference.add(parsed.value.id);
	}
	// A case reference finds everyone on that case.
	for (const doc of await services.cases.documentsOf([...caseIdsByReference])) {
		const parsed = parseRecord(withoutCouchFields(doc as never));
		if (parsed.ok && parsed.value.type === 'participant') participants.set(String(doc._id), parsed.value);
	}
	const summaries = new Map((await services.cases.summaries([...new Set([...participants.values()].map((p) => p.caseId))])).map((s) => [s.id, s]));
	const matches: SubjectMatch[] = [];
	for (const person of participants.values()) {
		const summary = summaries.get(person.caseId);
		if (!summary) continue;
		const known = [...words(person.name), ...words(person.preferredName ?? ''), ...(person.prisonNumber ? [person.prisonNumber.toLowerCase()] : []), summary.reference.toLowerCase()];
		if (![first, ...rest].every((word) => known.some((k) => k.startsWith(word)))) continue;
		matches.push({
			caseId: person.caseId,
			caseReference: summary.reference,
			caseStatus: summary.status,
			participantId: person.id,
			name: person.name,
			...(person.preferredName ? { preferredName: person.preferredName } : {}),
			role: person.role,
			...(person.prisonNumber ? { prisonNumber: person.prisonNumber } : {})
		});
	}
	return matches
		.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.caseReference.localeCompare(b.caseReference))
		.slice(0, MAX_MATCHES);
}
