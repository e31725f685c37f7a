import { randomBytes } from 'node:crypto';
import { parseCaseNote } from '../../src/lib/domain/case-note.js';
import { parseCaseRecord, type CaseRecord } from '../../src/lib/domain/case-record.js';
import { PARTICIPANT_ROLE_LABELS } from '../../src/lib/domain/participant.js';
import { duplicateReasons } from '../../src/lib/domain/referral-match.js';
import type { AcceptReferralRequest, PossibleDuplicate, ReferralView } from '../../src/lib/protocol/office.js';
import { subjectOf, type ReferralDoc, type ReferralStore } from './referral-store.js';

/** A referral as the inbox shows it, with the other referrals that look like the same person and offence. */
export function toReferralView(doc: ReferralDoc, candidates: readonly ReferralDoc[]): ReferralView {
	const duplicates: PossibleDuplicate[] = candidates.flatMap((other) => {
		if (other.id === doc.id) return [];
		const reasons = duplicateReasons(subjectOf(doc), subjectOf(other));
		if (!reasons) return [];
		return [{ id: other.id, reference: other.reference, status: other.status, ...(other.decision?.caseReference ? { caseReference: other.decision.caseReference } : {}), reasons }];
	});
	const base = { id: doc.id, reference: doc.reference, status: doc.status, receivedAt: doc.receivedAt, ...(doc.decision ? { decision: doc.decision } : {}), duplicates };
	return doc.kind === 'self' ? { ...base, kind: 'self', details: doc.details } : { ...base, kind: 'professional', details: doc.details };
}

/** The inbox: referrals with a status, each with its possible duplicates, from one lookup of shared keys. */
export async function referralInbox(referrals: ReferralStore, docs: ReferralDoc[]): Promise<ReferralView[]> {
	const candidates = await referrals.withMatchKeys(docs.flatMap((doc) => doc.matchKeys ?? []));
	return docs.map((doc) => toReferralView(doc, candidates.filter((other) => other.matchKeys?.some((key) => doc.matchKeys?.includes(key)))));
}

const line = (label: string, value: string | undefined) => (value ? [`${label}: ${value}`] : []);

/** The referral as the case's first note, so its facilitators have what was said, on their tablets. */
export function referralNoteText(doc: ReferralDoc): string {
	if (doc.kind === 'self') {
		const d = doc.details;
		return [
			`Self-referral ${doc.reference}, received ${doc.receivedAt.slice(0, 10)}, from the ${PARTICIPANT_ROLE_LABELS[d.role]}.`,
			...line('Name', d.name),
			...line('Phone', d.phone),
			...line('Email', d.email),
			...line('Prefers', d.preferredContact?.replace('-', ' ')),
			...line('Safe contact', d.safeContact),
			...line('What happened', d.about),
			...line('When', d.offenceDate)
		].join('\n');
	}
	const d = doc.details;
	return [
		`Referral ${doc.reference} from ${d.referrer.name}, ${d.referrer.organisation} (${d.referralSource.replaceAll('-', ' ')}), received ${doc.receivedAt.slice(0, 10)}.`,
		...line('Referrer contact', [d.referrer.email, d.referrer.phone].filter(Boolean).join(', ')),
		`Person referred: ${d.person.name}, the ${PARTICIPANT_ROLE_LABELS[d.person.role]}.`,
		...line('Prison number', d.person.prisonNumber),
		...line('Establishment', d.person.establishment),
		...line('Offence date', d.offenceDate),
		...line('Reason for referral', d.reason),
		...line('Risk known to the referrer', d.risk)
	].join('\n');
}

/** The new case a referral becomes: at the referral stage, with no facilitator yet. */
export function caseFromReferral(doc: ReferralDoc, choice: AcceptReferralRequest, reference: string, by: string, now: Date): CaseRecord {
	const at = now.toISOString();
	const offenceCategory = choice.offenceCategory ?? doc.details.offenceCategory;
	const parsed = parseCaseRecord({
		type: 'case', v: 1, id: reference.toLowerCase(), reference,
		referralSource: doc.kind === 'self' ? 'self' : doc.details.referralSource,
		justiceStage: choice.justiceStage,
		...(offenceCategory ? { offenceCategory } : {}),
		...(doc.details.offenceDate ? { offenceDate: doc.details.offenceDate } : {}),
		stage: 'referral', status: 'open', facilitatorIds: [], coordinatorId: by,
		createdAt: at, updatedAt: at, createdBy: by
	});
	if (!parsed.ok) throw new Error(`A referral made an invalid case: ${JSON.stringify(parsed.problems)}`);
	return parsed.value;
}

export function referralNote(doc: ReferralDoc, caseId: string, by: string, now: Date) {
	const at = now.toISOString();
	const parsed = parseCaseNote({
		type: 'case-note', v: 1, id: `note-${randomBytes(8).toString('hex')}`, caseId, text: referralNoteText(doc),
		aboutParticipantIds: [], createdAt: at, updatedAt: at, createdBy: by
	});
	if (!parsed.ok) throw new Error(`A referral made an invalid note: ${JSON.stringify(parsed.problems)}`);
	return parsed.value;
}
