import type { DBCore, Middleware } from 'dexie';
import { isSealed } from '../crypto/record-cipher.js';
import { writeLayer } from './write-layer.js';

export class PlaintextRefusedError extends Error {
	readonly code = 'plaintext-refused';
}

function check(table: string, allowed: readonly string[], value: unknown): void {
	const row = value as Record<string, unknown>;
	const extra = Object.keys(row).filter((field) => field !== 'enc' && !allowed.includes(field));
	if (!isSealed(row.enc) || extra.length > 0)
		throw new PlaintextRefusedError(`Refused to store ${table} contents unencrypted (${extra.join(', ') || 'no ciphertext'})`);
}

/**
 * A DBCore layer under every user database: a write to an encrypted table that is not sealed,
 * or that carries any field beyond the clear ones, fails. Repositories encrypt before their
 * transaction opens (WebCrypto is asynchronous and would let IndexedDB commit mid-write);
 * this layer makes sure no code path, page or future repository can skip that step.
 */
export function plaintextGuard(clearFields: Record<string, readonly string[]>): Middleware<DBCore> {
	return writeLayer(
		'tandem-plaintext-guard',
		(table, req) => {
			if (req.type === 'add' || req.type === 'put') for (const value of req.values) check(table, clearFields[table]!, value);
		},
		(table) => clearFields[table] !== undefined
	);
}
