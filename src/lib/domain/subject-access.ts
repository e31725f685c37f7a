import type { ParticipantRecord } from './participant.js';
import { PRINCIPAL_ROLES } from './participant.js';
import type { DomainRecord } from './records.js';

/** What a release copy shows in place of another person's name. */
export const REDACTED_NAME = '[other person]';

/** One record held about the subject, with why a person must look at it before release. */
export interface SubjectRecord {
	record: DomainRecord;
	reviewReasons: string[];
}

export const REVIEW_REASONS = {
	alsoAboutOthers: 'This note is also about someone else on the case',
	othersAtContact: 'Someone else took part in this contact',
	writtenByOther: 'This letter was written by someone else',
	othersAtMeeting: 'Other people took part in this meeting',
	agreedWithOthers: 'This agreement was made with other people',
	namesOthers: 'It names another person; their name is hidden in the copy to release'
} as const;

const key = (caseId: string, id: string) => `${caseId}/${id}`;

/**
 * Which records of the subject's cases are about them, and which of those carry other people's
 * information. `subjectIds` are the subject's participant records (one per case they are in).
 * A note tagged only with someone else, or with no one, is not about the subject and is left out;
 * so are other people's own records, anonymous feedback and the service's shared records.
 */
export function recordsAboutSubject(subjectIds: ReadonlySet<string>, records: readonly DomainRecord[]): SubjectRecord[] {
	const isSubject = (id: string | undefined) => id !== undefined && subjectIds.has(id);
	const others = (ids: readonly string[]) => ids.some((id) => !isSubject(id));
	const subjectRoles = new Map<string, string>();
	for (const r of records) if (r.type === 'participant' && isSubject(r.id)) subjectRoles.set(r.caseId, r.role);
	const assessments = new Set(records.flatMap((r) => (r.type === 'risk-assessment' && isSubject(r.participantId) ? [key(r.caseId, r.id)] : [])));
	const meetings = new Set(
		records.flatMap((r) => (r.type === 'meeting' && [...r.participantIds, ...r.supporterIds].some(isSubject) ? [key(r.caseId, r.id)] : []))
	);
	const isPrincipal = (caseId: string) => (PRINCIPAL_ROLES as readonly string[]).includes(subjectRoles.get(caseId) ?? '');

	const reasonsFor = (r: DomainRecord): string[] | undefined => {
		switch (r.type) {
			case 'participant':
				return isSubject(r.id) ? [] : undefined;
			case 'case':
				return subjectRoles.has(r.id) ? [] : undefined;
			case 'case-note':
				if (!r.aboutParticipantIds.some(isSubject)) return undefined;
				return others(r.aboutParticipantIds) ? [REVIEW_REASONS.alsoAboutOthers] : [];
			case 'contact':
				if (!r.participantIds.some(isSubject)) return undefined;
				return others(r.participantIds) ? [REVIEW_REASONS.othersAtContact] : [];
			case 'consent':
			case 'risk-assessment':
				return isSubject(r.participantId) ? [] : undefined;
			case 'assessment-review':
				return assessments.has(key(r.caseId, r.assessmentId)) ? [] : undefined;
			case 'letter':
				if (isSubject(r.fromParticipantId)) return [];
				return isSubject(r.toParticipantId) ? [REVIEW_REASONS.writtenByOther] : undefined;
			case 'meeting':
				return meetings.has(key(r.caseId, r.id)) ? [REVIEW_REASONS.othersAtMeeting] : undefined;
			case 'outcome-agreement': {
				const ours = r.meetingId ? meetings.has(key(r.caseId, r.meetingId)) : isPrincipal(r.caseId);
				return ours ? [REVIEW_REASONS.agreedWithOthers] : undefined;
			}
			case 'feedback':
				return !r.anonymous && isSubject(r.participantId) ? [] : undefined;
			default:
				return undefined;
		}
	};
	return records.flatMap((record) => {
		const reviewReasons = reasonsFor(record);
		return reviewReasons ? [{ record, reviewReasons }] : [];
	});
}

const nameParts = (name: string) =>
	name
		.split(/[\s()]+/u)
		.map((part) => part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
		.filter((part) => part.length >= 2);

type Named = Pick<ParticipantRecord, 'name' | 'preferredName'>;

/**
 * The other people's names to hide: each full name, preferred name and part of a name, except
 * parts the subject's own names share (a family name, say), so the subject's name stays readable.
 * Longest first, so a full name is hidden whole before any part of it.
 */
export function namesToRedact(subject: readonly Named[], others: readonly Named[]): string[] {
	const own = new Set(subject.flatMap((p) => [p.name, p.preferredName ?? ''].flatMap(nameParts)).map((part) => part.toLocaleLowerCase('en-GB')));
	const names = new Set<string>();
	for (const person of others) {
		for (const whole of [person.name, person.preferredName ?? ''].map((n) => n.trim()).filter((n) => n.length >= 2)) {
			if (!own.has(whole.toLocaleLowerCase('en-GB'))) names.add(whole);
			for (const part of nameParts(whole)) if (!own.has(part.toLocaleLowerCase('en-GB'))) names.add(part);
		}
	}
	return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each whole-word mention of the names (any case) with REDACTED_NAME, and counts them. */
export function redactNames(text: string, names: readonly string[]): { text: string; count: number } {
	if (names.length === 0 || text === '') return { text, count: 0 };
	// One pass over one alternation: a replacement is never searched again.
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	let count = 0;
	const redacted = text.replace(pattern, () => {
		count += 1;
		return REDACTED_NAME;
	});
	return { text: redacted, count };
}
