import type { Sealed } from '../crypto/record-cipher.js';
import { copyContext, recordContext, type ServerCopy } from '../db/held-copy.js';
import { clearFieldsOf, docIdOf } from '../db/record-keys.js';
import type { CheckpointRow, StoredRecord, SyncedRow } from '../db/user-db.js';
import { parseRecord } from '../domain/records.js';
import type { PullResponse } from '../protocol/sync-pull.js';
import { alreadyHeld, type SettledCopy } from './one-row-copy.js';

export const SERVICE_CHECKPOINT_KEY = 'service';
export const caseCheckpointKey = (caseId: string) => `case:${caseId}`;

/** Seals a value under the vault's key, bound to `context` (see db/sealing.ts). */
export type Seal = (context: string, value: unknown) => Promise<Sealed>;

/** `copy` only when the record holds conflicts; otherwise `record` is the server copy too. */
export interface SealedRow { docId: string; rev: string; record: StoredRecord; copy?: SyncedRow }

/** A page without its records' bodies: what the commit and the progress still need once they are sealed. */
export type PageSummary = Omit<PullResponse, 'records'>;

/**
 * A page checked and sealed, ready to commit. `ids`: every record the page carried;
 * `mayHold`: those the device may already hold a copy of.
 */
export interface PreparedPage { page: PageSummary; ids: string[]; mayHold: Set<string>; valid: SealedRow[]; checkpoints: CheckpointRow[] }

/** What preparing a page needs to know of the device, read before the pull is asked. */
export interface PrepareContext {
	/** The cases the device held anything of when it asked; a record of any other case cannot be on it. */
	heldCases?: ReadonlySet<string>;
	/** What this round's push stored (see one-row-copy.ts). */
	settled?: ReadonlyMap<string, SettledCopy>;
}

async function sealPulled(pulled: PullResponse['records'][number], seal: Seal, settled: PrepareContext['settled']): Promise<SealedRow | undefined> {
	// This round's push sent back, as the push left it in one row: there is nothing to store.
	if (alreadyHeld(pulled, settled?.get(pulled.docId))) return undefined;
	const parsed = parseRecord(pulled.record);
	// Taken even when its revision is older than the one held: the server went back (a restore),
	// and a pull sends only what the server holds now (docs/sync.md, "Pull").
	if (!parsed.ok || docIdOf(parsed.value) !== pulled.docId) return undefined;
	const clear = clearFieldsOf(parsed.value);
	const copy: ServerCopy = { rev: pulled.rev, record: parsed.value as unknown as Record<string, unknown>, conflicts: pulled.conflicts };
	if (pulled.conflicts.length === 0) {
		// One seal: the row is the working copy and the server copy at once (held-copy.ts).
		return { docId: pulled.docId, rev: pulled.rev, record: { ...clear, copy: true, enc: await seal(copyContext(clear.id), copy) } };
	}
	const [enc, copyEnc] = await Promise.all([seal(recordContext(clear), parsed.value), seal(copyContext(pulled.docId), { ...copy, record: pulled.record })]);
	const synced: SyncedRow = { id: pulled.docId, ...(pulled.caseId === undefined ? {} : { caseId: pulled.caseId }), enc: copyEnc };
	return { docId: pulled.docId, rev: pulled.rev, record: { ...clear, enc }, copy: synced };
}

/**
 * A page made ready to store: each record checked with the domain schema and sealed, with no
 * transaction open (one must not await WebCrypto), on the page or in a worker. Nothing is read
 * from the device: a new tablet's pages go straight to sealing. A record that fails the schema is
 * left out; the page's checkpoints still move past it.
 */
export async function preparePulledPage(page: PullResponse, seal: Seal, { heldCases, settled }: PrepareContext = {}): Promise<PreparedPage> {
	const { records, ...summary } = page;
	const ids = records.map((r) => r.docId);
	const mayHold = new Set(records.filter((r) => !heldCases || r.caseId === undefined || heldCases.has(r.caseId)).map((r) => r.docId));
	// Sealed side by side: WebCrypto works off the calling thread.
	const valid = (await Promise.all(records.map((pulled) => sealPulled(pulled, seal, settled)))).filter((row) => row !== undefined);
	const checkpoints: CheckpointRow[] = Object.entries(page.checkpoints.cases).map(([caseId, checkpoint]) => ({ key: caseCheckpointKey(caseId), caseId, checkpoint }));
	if (page.checkpoints.service) checkpoints.push({ key: SERVICE_CHECKPOINT_KEY, checkpoint: page.checkpoints.service });
	return { page: summary, ids, mayHold, valid, checkpoints };
}
