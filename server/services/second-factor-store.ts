import type { SecondFactorStatus } from '../../src/lib/protocol/second-factor.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, updateDoc } from '../store/documents.js';
import { matchingStep, newTotpSecret } from './totp.js';

/**
 * `second-factor:<userId>` in the accounts database: the TOTP secret and the last time step a code
 * was accepted for. Kept apart from `user:<id>`, which every request reads, so the secret travels
 * only when a code is checked.
 */
interface SecondFactorDoc {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	type: 'second-factor';
	v: 1;
	userId: string;
	secret: string;
	state: 'pending' | 'active';
	createdAt: string;
	enabledAt?: string;
	/** Invariant: a code is accepted only for a later step than this one, so none is used twice. */
	lastStep: number;
}

const docId = (userId: string) => `second-factor:${userId}`;
const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

export function secondFactorStore(couch: Couch) {
	const db = couch.dbs.accounts;

	/**
	 * Checks a code and, in the same write, moves `lastStep` on; `apply` makes the new document.
	 * The write is conditional on `_rev`, so two processes given the same code cannot both accept it.
	 */
	async function spend(userId: string, code: string, now: Date, state: SecondFactorDoc['state'], apply: (doc: SecondFactorDoc, step: number) => SecondFactorDoc): Promise<boolean> {
		let accepted = false;
		await updateDoc<SecondFactorDoc>(db, docId(userId), (current) => {
			accepted = false;
			if (!current || current.state !== state) return undefined;
			const step = matchingStep(current.secret, code, seconds(now), current.lastStep);
			if (step === undefined) return undefined;
			accepted = true;
			return apply(current, step);
		});
		return accepted;
	}

	return {
		async status(userId: string): Promise<SecondFactorStatus> {
			const doc = await getDoc<SecondFactorDoc>(db, docId(userId));
			return { enabled: doc?.state === 'active', pending: doc?.state === 'pending' };
		},

		/** The ids of everyone who has a second factor on: one key range. */
		async enabledUserIds(): Promise<Set<string>> {
			const docs = await docsWithPrefix<SecondFactorDoc>(db, 'second-factor:');
			return new Set(docs.filter((doc) => doc.state === 'active').map((doc) => doc.userId));
		},

		/** Starts setting up with a new secret (replacing an unconfirmed one); undefined if one is on already. */
		async begin(userId: string, now: Date): Promise<string | undefined> {
			const secret = newTotpSecret();
			const saved = await updateDoc<SecondFactorDoc>(db, docId(userId), (current) =>
				current?.state === 'active' ? undefined : { _id: docId(userId), type: 'second-factor', v: 1, userId, secret, state: 'pending', createdAt: now.toISOString(), lastStep: -1 }
			);
			return saved?.state === 'pending' && saved.secret === secret ? secret : undefined;
		},

		/** Turns a set-up second factor on, given a first code from it. */
		confirm: (userId: string, code: string, now: Date) =>
			spend(userId, code, now, 'pending', (doc, step) => ({ ...doc, state: 'active', enabledAt: now.toISOString(), lastStep: step })),

		/** Checks a code at sign-in; true once per code. */
		use: (userId: string, code: string, now: Date) => spend(userId, code, now, 'active', (doc, step) => ({ ...doc, lastStep: step })),

		/** Turns it off, given a current code: the document is deleted in the same conditional write. */
		disable: (userId: string, code: string, now: Date) => spend(userId, code, now, 'active', (doc) => ({ ...doc, _deleted: true })),

		/** An administrator's reset for a lost phone; false when there was nothing to reset. */
		async reset(userId: string): Promise<boolean> {
			const saved = await updateDoc<SecondFactorDoc>(db, docId(userId), (current) => (current ? { ...current, _deleted: true } : undefined));
			return saved?._deleted === true;
		}
	};
}

export type SecondFactorStore = ReturnType<typeof secondFactorStore>;
