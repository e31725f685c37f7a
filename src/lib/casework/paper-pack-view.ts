import { CASE_STAGE_LABELS } from '../domain/case-stage.js';
import type { ChecklistTemplate } from '../domain/checklist-template.js';
import { deviceAuthorisationOn, type DeviceAuthorisation, type EstablishmentRecord } from '../domain/establishment.js';
import { packsNeedingReminder, templateOfPaper, type PaperPackRecord } from '../domain/paper-pack.js';
import type { PaperSettings } from '../domain/paper-settings.js';
import { displayName, PARTICIPANT_ROLE_LABELS, type ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import { formatDate } from '../ui/date-time.js';
import { ofType } from './case-facts-from-records.js';

export interface VisitAuthorisation {
	establishmentId: string;
	name: string;
	people: string[];
	authorisation: DeviceAuthorisation;
	message: string;
}

function authorisationMessage(a: DeviceAuthorisation): string {
	if (a.state === 'allowed') return `Tablets are allowed in until ${formatDate(a.until)}.`;
	if (a.state === 'expired') return `Tablets are not allowed in: the authorisation ended on ${formatDate(a.until)}. Take a paper pack instead.`;
	return 'Tablets are not allowed in: there is no authorisation on record. Take a paper pack instead.';
}

/** For each establishment where someone in the case is held: may the tablet go in on the day. */
export function visitAuthorisations(participants: readonly ParticipantRecord[], establishments: readonly EstablishmentRecord[], day: string): VisitAuthorisation[] {
	const byPlace = new Map<string, VisitAuthorisation>();
	for (const p of participants) {
		const prison = p.setting === 'custody' ? establishments.find((e) => e.id === p.establishmentId) : undefined;
		if (!prison) continue;
		const known = byPlace.get(prison.id);
		if (known) {
			known.people.push(displayName(p));
			continue;
		}
		const authorisation = deviceAuthorisationOn(prison, day);
		byPlace.set(prison.id, { establishmentId: prison.id, name: prison.name, people: [displayName(p)], authorisation, message: authorisationMessage(authorisation) });
	}
	return [...byPlace.values()];
}

/** One line per printed pack still out past the service's allowance. */
export function paperReminders(records: readonly DomainRecord[], settings: PaperSettings, now: string): string[] {
	return packsNeedingReminder(ofType(records, 'paper-pack'), settings, now).map(
		(p) => `Paper pack printed on ${formatDate(p.printedAt)} is not yet recorded as destroyed or filed`
	);
}

export interface PackPerson {
	id: string;
	/** The name they go by: a surname never goes on paper that leaves the office. */
	name: string;
	roleLabel: string;
	lines: string[];
}

export interface PaperPackContent {
	reference: string;
	stageLabel: string;
	pack: PaperPackRecord;
	template: ChecklistTemplate | undefined;
	people: PackPerson[];
	places: { name: string; visitRules: string }[];
}

/** What a printed pack holds: only what the visit needs, and the checklist version printed. */
export function paperPackContent(records: readonly DomainRecord[], establishments: readonly EstablishmentRecord[], templates: readonly ChecklistTemplate[], pack: PaperPackRecord): PaperPackContent | undefined {
	const file = ofType(records, 'case')[0];
	if (!file) return undefined;
	const participants = ofType(records, 'participant').sort((a, b) => a.role.localeCompare(b.role) || a.id.localeCompare(b.id));
	const heldAt = new Set(participants.map((p) => (p.setting === 'custody' ? p.establishmentId : undefined)));
	return {
		reference: file.reference,
		stageLabel: CASE_STAGE_LABELS[file.stage],
		pack,
		template: templateOfPaper(templates, pack),
		people: participants.map((p) => {
			const prison = establishments.find((e) => e.id === p.establishmentId);
			return {
				id: p.id,
				name: displayName(p),
				roleLabel: PARTICIPANT_ROLE_LABELS[p.role],
				lines: [
					p.setting === 'custody' ? `In custody${prison ? ` at ${prison.name}` : ''}${p.prisonNumber ? `, prison number ${p.prisonNumber}` : ''}` : 'In the community',
					`Language: ${p.language}${p.interpreterNeeded ? ', needs an interpreter' : ''}`,
					...(p.accessibilityNeeds.trim() ? [`Access needs: ${p.accessibilityNeeds.trim()}`] : [])
				]
			};
		}),
		places: establishments.filter((e) => heldAt.has(e.id)).map((e) => ({ name: e.name, visitRules: e.visitRules }))
	};
}
