import type { CaseRecord } from './case-record.js';
import { caseDocId } from './ids.js';
import { isRecordType } from './records.js';
import { addMonths, EXIT_REASON_LABELS, type RetentionAction, type RetentionPolicy } from './retention-policy.js';

/** Which part of the policy made something due: what the audit line names. */
export type RetentionRule = `closed-case:${CaseRecord['exitReason'] & string}` | 'feedback' | 'declined-referral';

/** One thing past its period. No names: this is what the dry run shows and the audit keeps. */
export interface RetentionItem {
	docId: string;
	/** A record type, or "referral". */
	kind: string;
	caseId?: string;
	reference: string;
	action: RetentionAction;
	rule: RetentionRule;
	dueSince: string;
	why: string;
}

/** A document of a case's key range as stored: a record, or sync's own bookkeeping beside it. */
export interface RangeDoc {
	docId: string;
	doc: Record<string, unknown>;
}

const day = (at: Date | string) => new Date(at).toISOString().slice(0, 10);

/** Case fields that may name or identify someone and that reports do not need. */
export const ANONYMISED_CASE_FIELDS = ['exitNote', 'offenceDate'] as const;

export function needsAnonymising(record: Record<string, unknown>): boolean {
	return ANONYMISED_CASE_FIELDS.some((field) => record[field] !== undefined);
}

/** The case record with its identifying fields removed: stages, dates and outcome stay for reports. */
export function anonymisedCase<T extends Record<string, unknown>>(record: T): T {
	const copy: Record<string, unknown> = { ...record };
	for (const field of ANONYMISED_CASE_FIELDS) delete copy[field];
	return copy as T;
}

/**
 * What of one case is past retention on `now`. A closed case past its period goes whole
 * (delete) or keeps only its case record without identifying fields (anonymise); otherwise
 * feedback past its own period goes. Children are listed before the case record, so a run cut
 * off part-way never leaves records whose case is already gone.
 */
export function dueInCase(record: CaseRecord, docs: readonly RangeDoc[], policy: RetentionPolicy, now: Date): RetentionItem[] {
	const ofCase = { caseId: record.id, reference: record.reference };
	const children = docs.filter((d) => d.docId !== caseDocId(record.id) && isRecordType(d.doc.type));
	if (record.status === 'closed' && record.exitReason && record.exitDate) {
		const rule = policy.closedCases[record.exitReason];
		const dueSince = addMonths(record.exitDate, rule.months);
		if (dueSince <= now) {
			const why = `Closed (${EXIT_REASON_LABELS[record.exitReason].toLowerCase()}) on ${day(record.exitDate)}; closed cases like this are kept ${rule.months} months`;
			const base = { ...ofCase, action: 'delete' as const, rule: `closed-case:${record.exitReason}` as const, dueSince: dueSince.toISOString(), why };
			const items: RetentionItem[] = children.map((d) => ({ ...base, docId: d.docId, kind: String(d.doc.type) }));
			if (rule.action === 'delete') items.push({ ...base, docId: caseDocId(record.id), kind: 'case' });
			else if (needsAnonymising(record)) items.push({ ...base, docId: caseDocId(record.id), kind: 'case', action: 'anonymise' });
			return items;
		}
	}
	return children.flatMap((d) => {
		if (d.doc.type !== 'feedback' || typeof d.doc.receivedAt !== 'string') return [];
		const dueSince = addMonths(d.doc.receivedAt, policy.feedbackMonths);
		if (dueSince > now) return [];
		const why = `Received on ${day(d.doc.receivedAt)}; feedback is kept ${policy.feedbackMonths} months`;
		return [{ ...ofCase, docId: d.docId, kind: 'feedback', action: 'delete' as const, rule: 'feedback' as const, dueSince: dueSince.toISOString(), why }];
	});
}

export interface DeclinedReferral {
	docId: string;
	reference: string;
	status: string;
	decision?: { at: string };
}

/** A declined referral past its period; referrals that became cases go with their case. */
export function dueReferral(referral: DeclinedReferral, policy: RetentionPolicy, now: Date): RetentionItem | undefined {
	if (referral.status !== 'declined' || !referral.decision) return undefined;
	const dueSince = addMonths(referral.decision.at, policy.declinedReferralMonths);
	if (dueSince > now) return undefined;
	return {
		docId: referral.docId,
		kind: 'referral',
		reference: referral.reference,
		action: 'delete',
		rule: 'declined-referral',
		dueSince: dueSince.toISOString(),
		why: `Declined on ${day(referral.decision.at)}; declined referrals are kept ${policy.declinedReferralMonths} months`
	};
}
