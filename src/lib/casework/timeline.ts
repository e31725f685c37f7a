import { notesWithHistory } from '../domain/case-note.js';
import { CONSENT_PURPOSE_LABELS } from '../domain/consent.js';
import { displayName, PARTICIPANT_ROLE_LABELS, type ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import { RISK_DECISION_LABELS } from '../domain/risk-assessment.js';
import type { FromPaper } from '../domain/paper-pack.js';
import { formatDate } from '../ui/date-time.js';
import { ofType } from './case-facts-from-records.js';
import { CONTACT_KIND_LABELS, CONTACT_OUTCOME_LABELS, LETTER_STATUS_LABELS, MEETING_STATUS_LABELS } from './words.js';

export type TimelineKind = 'contact' | 'note' | 'assessment' | 'letter' | 'meeting' | 'consent';

export interface TimelineEntry {
	id: string;
	kind: TimelineKind;
	/** When it happened (a contact, a meeting) or was written. */
	at: string;
	title: string;
	detail: string;
	/** The screen that holds it, relative to the case. */
	path: 'notes' | 'checklist' | 'letters' | 'meetings' | 'consent' | undefined;
}

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
	contact: 'Contact',
	note: 'Case note',
	assessment: 'Risk assessment',
	letter: 'Letter',
	meeting: 'Meeting',
	consent: 'Consent'
};

function namer(people: readonly ParticipantRecord[]) {
	const byId = new Map(people.map((p) => [p.id, p]));
	return (id: string) => {
		const p = byId.get(id);
		return p ? `${displayName(p)} (${PARTICIPANT_ROLE_LABELS[p.role]})` : 'someone no longer on the case';
	};
}

/** How a record typed up from a paper pack says so: the date on the paper and the day it was typed. */
const typedFromPaper = (paper: FromPaper | undefined) => paper && `Typed from paper dated ${formatDate(paper.paperDate)}, on ${formatDate(paper.typedAt)}`;

const clip = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Everything that happened on a case, newest first. A note shows once, at its latest text. */
export function caseTimeline(records: readonly DomainRecord[]): TimelineEntry[] {
	const name = namer(ofType(records, 'participant'));
	const entries: TimelineEntry[] = [
		...ofType(records, 'contact').map((c) => ({
			id: c.id, kind: 'contact' as const, at: c.occurredAt, path: undefined,
			title: `${CONTACT_KIND_LABELS[c.kind]}: ${CONTACT_OUTCOME_LABELS[c.outcome].toLowerCase()}`,
			detail: [c.participantIds.map(name).join(', '), c.place, c.summary && clip(c.summary), typedFromPaper(c.fromPaper)].filter(Boolean).join(' · ')
		})),
		...notesWithHistory(ofType(records, 'case-note')).map(({ current, earlier }) => ({
			id: current.id, kind: 'note' as const, at: current.createdAt, path: 'notes' as const,
			title: earlier.length > 0 ? 'Case note (amended)' : 'Case note',
			detail: clip(current.text)
		})),
		...ofType(records, 'risk-assessment').map((a) => ({
			id: a.id, kind: 'assessment' as const, at: a.completedAt ?? a.updatedAt, path: 'checklist' as const,
			title: a.status === 'completed' ? `Risk assessment completed: ${RISK_DECISION_LABELS[a.decision!.outcome].toLowerCase()}` : 'Risk assessment in progress',
			detail: [`For ${name(a.participantId)}`, typedFromPaper(a.fromPaper)].filter(Boolean).join(' · ')
		})),
		...ofType(records, 'letter').map((l) => ({
			id: l.id, kind: 'letter' as const, at: l.sentAt ?? l.updatedAt, path: 'letters' as const,
			title: `Letter: ${LETTER_STATUS_LABELS[l.status]}`,
			detail: `From ${name(l.fromParticipantId)}${l.toParticipantId ? ` to ${name(l.toParticipantId)}` : ''}`
		})),
		...ofType(records, 'meeting').map((m) => ({
			id: m.id, kind: 'meeting' as const, at: m.heldAt ?? m.scheduledFor, path: 'meetings' as const,
			title: `Meeting: ${MEETING_STATUS_LABELS[m.status]}`,
			detail: m.venue.name
		})),
		...ofType(records, 'consent').map((c) => ({
			id: c.id, kind: 'consent' as const, at: c.decidedAt, path: 'consent' as const,
			title: `Consent ${c.decision} to ${CONSENT_PURPOSE_LABELS[c.purpose]}`,
			detail: [name(c.participantId), typedFromPaper(c.fromPaper)].filter(Boolean).join(' · ')
		}))
	];
	return entries.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
}
