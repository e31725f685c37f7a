import { caseChildDocId } from './ids.js';
import type { ParticipantRecord } from './participant.js';
import { parseRecord, type DomainRecord } from './records.js';
import type { RangeDoc } from './retention-rules.js';
import type { Validated } from './validation.js';

export const ERASED_NAME = '[name removed]';

/** The words that identify a person in free text: names in full, each part of them, the prison number. */
export function identifiersOf(participant: Pick<ParticipantRecord, 'name' | 'preferredName' | 'prisonNumber'>): string[] {
	const names = [participant.name, participant.preferredName ?? ''].map((n) => n.trim()).filter((n) => n.length > 0);
	const parts = names.flatMap((n) => n.split(/\s+/)).filter((part) => part.length >= 3);
	return [...new Set([...names, ...parts, ...(participant.prisonNumber ? [participant.prisonNumber] : [])])].sort((a, b) => b.length - a.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Keys whose values are ids, codes or times, never free text: left alone, so an id is never mangled. */
const isStructural = (key: string) => ['type', 'v', 'id', 'path'].includes(key) || /(Id|Ids|At|By|On|Date)$/.test(key);

/**
 * Every string in a value with the identifiers replaced. Whole words only; full names in any
 * case, single name parts only as written (capitalised), so "will" in a sentence stays.
 */
export function redactIdentifiers<T>(value: T, identifiers: readonly string[], key = ''): T {
	if (identifiers.length === 0 || isStructural(key)) return value;
	if (typeof value === 'string') {
		let text: string = value;
		for (const word of identifiers) {
			const whole = word.includes(' ') || /\d/.test(word);
			text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, whole ? 'giu' : 'gu'), ERASED_NAME);
		}
		return text as T;
	}
	if (Array.isArray(value)) return value.map((item) => redactIdentifiers(item, identifiers, key)) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, redactIdentifiers(item, identifiers, k)])) as T;
	return value;
}

export interface ErasurePlan {
	/** Documents that are the person's own: their record, their consents, assessments, letters, notes only about them. */
	remove: string[];
	/** Documents that stay, with the person taken out. */
	rewrite: { docId: string; record: DomainRecord }[];
}

/** Whether a record is the person's own, so it goes with them rather than being rewritten. */
function ownedBy(record: Record<string, unknown>, id: string, removedAssessments: Set<string>): boolean {
	switch (record.type) {
		case 'participant':
			return record.id === id;
		case 'consent':
		case 'risk-assessment':
			return record.participantId === id;
		case 'letter':
			return record.fromParticipantId === id;
		case 'case-note': {
			const about = record.aboutParticipantIds as string[];
			return about.length > 0 && about.every((p) => p === id);
		}
		case 'assessment-review':
			return removedAssessments.has(String(record.assessmentId));
		default:
			return false;
	}
}

/** The record without any reference to the person: taken out of lists, optional links dropped. */
function withoutReferences(record: Record<string, unknown>, id: string): Record<string, unknown> {
	const copy: Record<string, unknown> = { ...record };
	for (const field of ['aboutParticipantIds', 'participantIds', 'supporterIds'])
		if (Array.isArray(copy[field])) copy[field] = (copy[field] as string[]).filter((p) => p !== id);
	if (copy.toParticipantId === id) delete copy.toParticipantId;
	if (copy.type === 'feedback' && copy.participantId === id) {
		delete copy.participantId;
		delete copy.givenName;
		copy.anonymous = true;
	}
	return copy;
}

/**
 * What erasing one participant does to their case. Refused while someone is on the case as
 * their supporter (erase or correct the supporter first). A rewritten record that would no
 * longer be valid (a sent letter with no one to send it to, a meeting of one) is removed instead.
 */
export function planErasure(participant: ParticipantRecord, docs: readonly RangeDoc[], at: string): Validated<ErasurePlan> {
	const records = docs.filter((d) => parseRecord(d.doc).ok);
	if (records.some((d) => d.doc.type === 'participant' && d.doc.supportsParticipantId === participant.id))
		return { ok: false, problems: [{ path: 'participantId', message: 'Someone on this case is their supporter: erase or change the supporter first' }] };
	const identifiers = identifiersOf(participant);
	const removedAssessments = new Set(records.filter((d) => d.doc.type === 'risk-assessment' && d.doc.participantId === participant.id).map((d) => String(d.doc.id)));
	const plan: ErasurePlan = { remove: [], rewrite: [] };
	for (const { docId, doc } of records) {
		if (ownedBy(doc, participant.id, removedAssessments)) {
			plan.remove.push(docId);
			continue;
		}
		const changed = redactIdentifiers(withoutReferences(doc, participant.id), identifiers);
		if (JSON.stringify(changed) === JSON.stringify(doc)) continue;
		const parsed = parseRecord({ ...changed, updatedAt: at });
		if (parsed.ok) plan.rewrite.push({ docId, record: parsed.value });
		else plan.remove.push(docId);
	}
	if (!plan.remove.includes(caseChildDocId(participant.caseId, 'participant', participant.id)))
		plan.remove.push(caseChildDocId(participant.caseId, 'participant', participant.id));
	return { ok: true, value: plan };
}
