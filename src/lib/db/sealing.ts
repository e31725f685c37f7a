import { keyFor } from '../crypto/keyring.js';
import { isSealed, seal, unseal, type Sealed } from '../crypto/record-cipher.js';
import type { UserDb } from './user-db.js';

/**
 * The additional data bound into each ciphertext: table, row id and kind. A sealed value copied
 * onto another row, another table or another type no longer opens.
 */
export function sealContext(table: 'cases' | 'records' | 'outbox' | 'synced' | 'rejections' | 'drafts' | 'accessLog', id: string, kind: string): string {
	return `tandem|${table}|${id}|${kind}`;
}

/** Reads of case data refuse while locked, even where nothing would need decrypting. */
export function requireKey(db: UserDb): void {
	keyFor(db.userId);
}

export function sealFor(db: UserDb, context: string, value: unknown): Promise<Sealed> {
	return seal(keyFor(db.userId), context, value);
}

export function openFor<T>(db: UserDb, context: string, sealed: Sealed): Promise<T> {
	// Promise.resolve keeps Dexie's liveQuery zone across a non-Dexie await (Dexie's rule).
	return Promise.resolve(unseal<T>(keyFor(db.userId), context, sealed));
}

export { isSealed };
