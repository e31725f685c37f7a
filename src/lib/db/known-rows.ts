import { isUnlocked, onKeysDropped } from '../crypto/keyring.js';
import type { DomainRecord } from '../domain/records.js';
import type { StoredRecord, UserDb } from './user-db.js';

/**
 * What a save guesses the stored row to be, so it can seal its outbox entry (with `before`)
 * without first reading and decrypting that row. Only a guess: the save checks it against the row
 * it reads inside its own transaction and starts again from a real read when they differ.
 */
export type RowGuess = { absent: true } | { absent: false; iv: Uint8Array; copy: boolean; record: DomainRecord };

const ABSENT: RowGuess = { absent: true };
/** Enough for the cases a facilitator has open in a day; beyond it the oldest are forgotten. */
const MAX_KNOWN = 2_000;

const known = new WeakMap<UserDb, Map<string, RowGuess>>();
const live = new Set<Map<string, RowGuess>>();
// Decrypted records are case data: they leave memory with the keys.
onKeysDropped(() => {
	for (const rows of live) rows.clear();
	live.clear();
});

function rowsOf(db: UserDb): Map<string, RowGuess> {
	let rows = known.get(db);
	if (!rows || !live.has(rows)) known.set(db, (rows = new Map()));
	live.add(rows);
	return rows;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The row as last seen on this device; a record never seen is guessed new. */
export function guessRow(db: UserDb, docId: string): RowGuess {
	return known.get(db)?.get(docId) ?? ABSENT;
}

/** Whether the row read inside a transaction is the one guessed (a fresh IV makes every seal unique). */
export function guessHolds(guess: RowGuess, row: StoredRecord | undefined): boolean {
	if (guess.absent || !row) return guess.absent && !row;
	return !!row.copy === guess.copy && sameBytes(row.enc.iv, guess.iv);
}

/** Remembers a row just read or written, with its decrypted working copy. */
export function rememberRow(db: UserDb, row: StoredRecord, record: DomainRecord): void {
	if (!isUnlocked(db.userId)) return; // decrypted before a lock that has since happened
	const rows = rowsOf(db);
	rows.delete(row.id);
	rows.set(row.id, { absent: false, iv: row.enc.iv, copy: !!row.copy, record });
	if (rows.size > MAX_KNOWN) rows.delete(rows.keys().next().value!);
}

/** What a real read found, as a guess the transaction can check. */
export const guessOf = (row: StoredRecord | undefined, record: DomainRecord | undefined): RowGuess =>
	row && record ? { absent: false, iv: row.enc.iv, copy: !!row.copy, record } : ABSENT;
