import type { Couch } from '../store/couch.js';
import { updateDoc } from '../store/documents.js';
import { keyOf, type ThrottleDoc } from './sign-in-throttle.js';

/**
 * Forms anyone may send (referrals, feedback), per address and hour, across all of them. Enough
 * for a probation office behind one address to refer several people in an afternoon.
 */
export const PUBLIC_LIMIT = { windowSeconds: 60 * 60, perAddress: 20 } as const;

/**
 * Counted in the accounts database as `throttle:public:<sha256>`, like the sign-in throttle, so
 * every server process sees the same count; taking a place is one conditional write on `_rev`.
 */
export function publicRateLimit(couch: Couch) {
	const db = couch.dbs.accounts;
	return {
		/** Records a submission from this address; false (and nothing recorded) when it is over the limit. */
		async take(address: string, now: Date): Promise<boolean> {
			const seconds = Math.floor(now.getTime() / 1000);
			const id = keyOf('public', address);
			let allowed = false;
			await updateDoc<ThrottleDoc>(db, id, (current) => {
				const recent = (current?.failures ?? []).filter((at) => at > seconds - PUBLIC_LIMIT.windowSeconds);
				allowed = recent.length < PUBLIC_LIMIT.perAddress;
				return allowed ? { _id: id, type: 'throttle', v: 1, failures: [...recent, seconds] } : undefined;
			});
			return allowed;
		}
	};
}

export type PublicRateLimit = ReturnType<typeof publicRateLimit>;
