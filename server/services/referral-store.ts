import { randomInt } from 'node:crypto';
import type { ReferralStatus } from '../../src/lib/domain/referral-decision.js';
import { matchKeys, type ReferralSubject } from '../../src/lib/domain/referral-match.js';
import type { ProfessionalReferralDetails, ReferralDecision, SelfReferralDetails } from '../../src/lib/protocol/office.js';
import type { Couch } from '../store/couch.js';
import { getDoc, insertNew, updateDoc } from '../store/documents.js';

/**
 * `referral:<id>` in the records database: outside every case's key range, so no facilitator's
 * pull carries it. A coordinator turns it into a case, or declines it with a reason.
 */
export type ReferralDoc = {
	_id: string;
	_rev?: string;
	type: 'referral';
	v: 1;
	id: string;
	reference: string;
	status: ReferralStatus;
	receivedAt: string;
	/** Lookup keys for duplicate detection, made by the domain's rule when the referral arrives. */
	matchKeys: string[];
	decision?: ReferralDecision;
} & NewReferral;

/** What a form brings: its kind and the answers the service keeps (not the hidden field or the tick box). */
export type NewReferral = { kind: 'self'; details: SelfReferralDetails } | { kind: 'professional'; details: ProfessionalReferralDetails };

/** The person and offence a referral is about, in the terms the duplicate rule compares. */
export function subjectOf(referral: NewReferral): ReferralSubject {
	if (referral.kind === 'self') {
		const s = referral.details;
		return { role: s.role, name: s.name, email: s.email, phone: s.phone, offenceCategory: s.offenceCategory, offenceDate: s.offenceDate };
	}
	const p = referral.details;
	return { role: p.person.role, name: p.person.name, prisonNumber: p.person.prisonNumber, offenceCategory: p.offenceCategory, offenceDate: p.offenceDate };
}

// No 0/O, 1/I/L or 5/S: the reference is read out on the phone.
const ALPHABET = 'ABCDEFGHJKMNPQRTUVWXYZ2346789';
const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A reference a person can quote, like RF-7KQM-3XPA. */
export const newReferralReference = () => `RF-${group()}-${group()}`;

const docId = (id: string) => `referral:${id}`;
const INBOX_LIMIT = 200;

export function referralStore(couch: Couch) {
	const db = couch.dbs.records;
	const docsOf = (rows: { doc?: unknown }[]) => rows.flatMap((row) => (row.doc ? [row.doc as ReferralDoc] : []));
	return {
		/** Stores a referral under a fresh reference; the id is unique by document id, so a clash just draws again. */
		async create(referral: NewReferral, now: Date): Promise<string> {
			for (;;) {
				const reference = newReferralReference();
				const id = reference.toLowerCase();
				const doc = { _id: docId(id), type: 'referral', v: 1, id, reference, status: 'new', receivedAt: now.toISOString(), matchKeys: matchKeys(subjectOf(referral)), ...referral } as ReferralDoc;
				if (await insertNew(db, doc)) return reference;
			}
		},

		get: (id: string) => getDoc<ReferralDoc>(db, docId(id)),

		/** The newest referrals with this status first, through a view: the inbox never reads the whole history. */
		async list(status: ReferralStatus): Promise<ReferralDoc[]> {
			const result = await db.view('tandem', 'referrals-by-status', { startkey: [status, {}], endkey: [status], descending: true, include_docs: true, limit: INBOX_LIMIT });
			return docsOf(result.rows);
		},

		/** Every referral stored under any of these keys: the only ones that can be duplicates. */
		async withMatchKeys(keys: string[]): Promise<ReferralDoc[]> {
			if (keys.length === 0) return [];
			const result = await db.view('tandem', 'referrals-by-match-key', { keys: [...new Set(keys)], include_docs: true });
			const byId = new Map(docsOf(result.rows).map((doc) => [doc.id, doc]));
			return [...byId.values()];
		},

		/** Records a decision on a new referral; undefined when there is none, or it was decided already. */
		async decide(id: string, status: Exclude<ReferralStatus, 'new'>, decision: ReferralDecision): Promise<ReferralDoc | undefined> {
			let decided: ReferralDoc | undefined;
			await updateDoc<ReferralDoc>(db, docId(id), (current) => {
				decided = current?.status === 'new' ? { ...current, status, decision } : undefined;
				return decided;
			});
			return decided;
		}
	};
}

export type ReferralStore = ReturnType<typeof referralStore>;
