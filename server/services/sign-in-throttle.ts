import { createHash } from 'node:crypto';
import type { Couch } from '../store/couch.js';
import { getDoc, updateDoc } from '../store/documents.js';

/** Failed sign-ins allowed per window, per account name and per address. */
export const THROTTLE = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 30 } as const;

export interface ThrottleDoc {
	_id: string;
	_rev?: string;
	type: 'throttle';
	v: 1;
	/** Epoch seconds of recent failures, newest last. */
	failures: number[];
}

/**
 * Counted in the accounts database so every server process sees the same counts. Keys are the
 * name as typed (existing or not) and the address, hashed: the counts must not reveal which
 * accounts exist, and the database need not hold addresses.
 */
export const keyOf = (scope: 'account' | 'address' | 'public', value: string) =>
	`throttle:${scope}:${createHash('sha256').update(value.toLowerCase()).digest('base64url')}`;

export function signInThrottle(couch: Couch) {
	const db = couch.dbs.accounts;
	const recent = (doc: ThrottleDoc | undefined, nowSeconds: number) =>
		(doc?.failures ?? []).filter((at) => at > nowSeconds - THROTTLE.windowSeconds);

	return {
		/** Whether sign-in is paused for this name or this address. Checked before the password. */
		async isLocked(username: string, address: string, now: Date): Promise<boolean> {
			const seconds = Math.floor(now.getTime() / 1000);
			const [account, from] = await Promise.all([
				getDoc<ThrottleDoc>(db, keyOf('account', username)),
				getDoc<ThrottleDoc>(db, keyOf('address', address))
			]);
			return recent(account, seconds).length >= THROTTLE.perAccount || recent(from, seconds).length >= THROTTLE.perAddress;
		},

		async recordFailure(username: string, address: string, now: Date): Promise<void> {
			const seconds = Math.floor(now.getTime() / 1000);
			const add = (id: string) =>
				updateDoc<ThrottleDoc>(db, id, (current) => ({ _id: id, type: 'throttle', v: 1, failures: [...recent(current, seconds), seconds].slice(-100) }));
			await Promise.all([add(keyOf('account', username)), add(keyOf('address', address))]);
		},

		/** A right password ends the account's count; the address keeps its own. */
		async recordSuccess(username: string): Promise<void> {
			const id = keyOf('account', username);
			await updateDoc<ThrottleDoc>(db, id, (current) => (current && current.failures.length > 0 ? { ...current, failures: [] } : undefined));
		}
	};
}

export type SignInThrottle = ReturnType<typeof signInThrottle>;
