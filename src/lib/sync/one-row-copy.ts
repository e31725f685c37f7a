import { clearFieldsOf, docIdOf } from '../db/record-keys.js';
import type { StoredRecord } from '../db/user-db.js';
import { parseRecord } from '../domain/records.js';
import { sameValue } from './merge/values.js';
import type { ServerCopy } from './server-copy.js';

/** A revision a round's push stored; `record` where the tablet holds it, unchanged since, in one row. */
export interface SettledCopy {
	rev: string;
	record?: Record<string, unknown>;
}

/** A `records` row's clear fields, for a row in the server-copy form. */
export type OneRowFields = Omit<StoredRecord, 'enc' | 'copy'>;

/**
 * Where a push left the working copy equal to the server's new copy, with no conflicts kept, the
 * two are one `records` row in the server-copy form, as a pull stores them (see held-copy.ts): the
 * clear fields of that row, else undefined. The caller still checks, inside its transaction, that
 * nothing was saved since.
 */
export function oneRowFields(docId: string, copy: ServerCopy, working: unknown): OneRowFields | undefined {
	if (copy.conflicts.length > 0 || !sameValue(working, copy.record)) return undefined;
	const parsed = parseRecord(copy.record);
	if (!parsed.ok || docIdOf(parsed.value) !== docId) return undefined;
	return clearFieldsOf(parsed.value);
}

/**
 * Whether a pulled record is the one this round's push already stored in one row: the same
 * revision with the same values and no conflicts. Writing it again would change nothing.
 */
export function alreadyHeld(pulled: { rev: string; record: Record<string, unknown>; conflicts: readonly unknown[] }, settled: SettledCopy | undefined): boolean {
	return settled?.record !== undefined && settled.rev === pulled.rev && pulled.conflicts.length === 0 && sameValue(pulled.record, settled.record);
}
