import { randomInt } from 'node:crypto';
import type { ProfessionalReferralRequest, SelfReferralRequest } from '../../src/lib/protocol/referrals.js';
import type { Couch } from '../store/couch.js';
import { insertNew } from '../store/documents.js';

type SelfDetails = Omit<SelfReferralRequest, 'website' | 'agreeToContact'>;
type ProfessionalDetails = Omit<ProfessionalReferralRequest, 'website' | 'personAgreed'>;

/**
 * `referral:<id>` in the records database: outside every case's key range, so no facilitator's
 * pull carries it. A coordinator turns it into a case, or not.
 */
export type ReferralDoc = {
	_id: string;
	type: 'referral';
	v: 1;
	id: string;
	reference: string;
	status: 'new';
	receivedAt: string;
} & NewReferral;

/** What a form brings: its kind and the answers the service keeps (not the hidden field or the tick box). */
export type NewReferral = { kind: 'self'; details: SelfDetails } | { kind: 'professional'; details: ProfessionalDetails };

// No 0/O, 1/I/L or 5/S: the reference is read out on the phone.
const ALPHABET = 'ABCDEFGHJKMNPQRTUVWXYZ2346789';
const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A reference a person can quote, like RF-7KQM-3XPA. */
export const newReferralReference = () => `RF-${group()}-${group()}`;

export function referralStore(couch: Couch) {
	const db = couch.dbs.records;
	return {
		/** Stores a referral under a fresh reference; the id is unique by document id, so a clash just draws again. */
		async create(referral: NewReferral, now: Date): Promise<string> {
			for (;;) {
				const reference = newReferralReference();
				const id = reference.toLowerCase();
				const doc = { _id: `referral:${id}`, type: 'referral', v: 1, id, reference, status: 'new', receivedAt: now.toISOString(), ...referral } as ReferralDoc;
				if (await insertNew(db, doc)) return reference;
			}
		}
	};
}

export type ReferralStore = ReturnType<typeof referralStore>;
