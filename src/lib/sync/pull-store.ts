import { sealCopyRow } from '../db/held-copy.js';
import { clearFieldsOf, docIdOf, sealRecordRow } from '../db/record-repository.js';
import type { CheckpointRow, StoredRecord, SyncedRow, UserDb } from '../db/user-db.js';
import { parseRecord } from '../domain/records.js';
import type { PullResponse } from '../protocol/sync-pull.js';
import { deleteCaseRows } from '../db/case-rows.js';
import { casesWithRecords } from './held-cases.js';
import { alreadyHeld, type SettledCopy } from './one-row-copy.js';
import { dropRemoved } from './removed-records.js';
import { isOlderRevision } from './revisions.js';
import { sealCopy } from './server-copy.js';

const SERVICE_KEY = 'service';
const caseKey = (caseId: string) => `case:${caseId}`;

export interface PageStored {
	stored: number;
	/** Records that failed the domain schema, waited in the outbox, or were held already as sent. */
	skipped: number;
}

/** `copy` only when the record holds conflicts; otherwise `record` is the server copy too. */
interface Sealed { docId: string; rev: string; record: StoredRecord; copy?: SyncedRow }
/** A page checked and sealed, ready to commit. `mayHold`: the ids the device may already hold a copy of. */
export interface PreparedPage { page: PullResponse; ids: string[]; mayHold: Set<string>; valid: Sealed[]; checkpoints: CheckpointRow[] }

/** The pull side of the device store: checkpoints, pages and purges. */
export function pullStore(db: UserDb) {
	/**
	 * A page made ready to store: each record checked with the domain schema and sealed, with no
	 * transaction open (one must not await WebCrypto). The next page may be prepared while this one
	 * commits; commits stay in page order.
	 *
	 * `heldCases`: the cases the device held anything of when it asked for this answer. A record of
	 * any other case cannot be on the device (an answer sends a record once; one made on the device
	 * meanwhile waits in the outbox, which the commit checks), so the commit looks for no older
	 * server copy of it to drop. Nothing is read here: a new tablet's pages go straight to sealing.
	 * `settled`: what this round's push stored (see one-row-copy.ts).
	 */
	async function preparePage(page: PullResponse, heldCases?: ReadonlySet<string>, settled?: ReadonlyMap<string, SettledCopy>): Promise<PreparedPage> {
		const ids = page.records.map((r) => r.docId);
		const mayHold = new Set(page.records.filter((r) => !heldCases || r.caseId === undefined || heldCases.has(r.caseId)).map((r) => r.docId));
		// Sealed side by side: WebCrypto works off the main thread. One seal a record, unless the
		// server kept conflicts on it: then the working copy and the server copy are two rows.
		const sealed = await Promise.all(
			page.records.map(async (pulled): Promise<Sealed | undefined> => {
				// This round's push sent back, as the push left it in one row: there is nothing to store.
				if (alreadyHeld(pulled, settled?.get(pulled.docId))) return undefined;
				const parsed = parseRecord(pulled.record);
				// Taken even when its revision is older than the one held: the server went back (a
				// restore), and a pull sends only what the server holds now (docs/sync.md, "Pull").
				if (!parsed.ok || docIdOf(parsed.value) !== pulled.docId) return undefined;
				const record = parsed.value;
				if (pulled.conflicts.length === 0) {
					return { docId: pulled.docId, rev: pulled.rev, record: await sealCopyRow(db, clearFieldsOf(record), { rev: pulled.rev, record: record as unknown as Record<string, unknown>, conflicts: [] }) };
				}
				const copy = { rev: pulled.rev, record: pulled.record, conflicts: pulled.conflicts };
				const [row, synced] = await Promise.all([sealRecordRow(db, record), sealCopy(db, pulled.docId, pulled.caseId, copy)]);
				return { docId: pulled.docId, rev: pulled.rev, record: row, copy: synced };
			})
		);
		const valid = sealed.filter((row) => row !== undefined);
		const checkpoints: CheckpointRow[] = Object.entries(page.checkpoints.cases).map(([caseId, checkpoint]) => ({ key: caseKey(caseId), caseId, checkpoint }));
		if (page.checkpoints.service) checkpoints.push({ key: SERVICE_KEY, checkpoint: page.checkpoints.service });
		return { page, ids, mayHold, valid, checkpoints };
	}

	/**
	 * One page's writes, inside the caller's transaction. A record with a change in the outbox is
	 * left alone, and so is one older than the revision a push just stored (`settled`: the page was
	 * read on the server before the push landed, and sealed before the push's answer came back).
	 */
	async function writePage({ page, ids, mayHold, valid, checkpoints }: PreparedPage, settled: ReadonlyMap<string, SettledCopy>): Promise<PageStored> {
		// Read inside the transaction, so an edit saved meanwhile is never overwritten.
		const waiting = new Set(ids.length === 0 ? [] : ((await db.outbox.where('docId').anyOf(ids).keys()) as string[]));
		const newer = (row: Sealed) => !isOlderRevision(row.rev, settled.get(row.docId)?.rev ?? row.rev);
		const rows = valid.filter((row) => !waiting.has(row.docId) && newer(row));
		await db.records.bulkPut(rows.map((row) => row.record));
		await db.synced.bulkPut(rows.flatMap((row) => (row.copy ? [row.copy] : [])));
		// A server copy left in `synced` would win over the one now in `records`.
		const single = rows.filter((row) => !row.copy && mayHold.has(row.docId)).map((row) => row.docId);
		if (single.length > 0) await db.synced.bulkDelete((await db.synced.where(':id').anyOf(single).primaryKeys()) as string[]);
		await dropRemoved(db, page.deletions);
		await db.checkpoints.bulkPut(checkpoints);
		return { stored: rows.length, skipped: page.records.length - rows.length };
	}

	/**
	 * Commits prepared pages, in order, with their checkpoints in one transaction, so an interrupted
	 * pull resumes after the last pages committed. The push of a change waiting in the outbox brings
	 * back the server's merge of both. Pages that arrived while the last commit ran go in together.
	 */
	async function commitPages(pages: PreparedPage[], settled: ReadonlyMap<string, SettledCopy> = new Map()): Promise<PageStored[]> {
		const results: PageStored[] = [];
		await db.transaction('rw', [db.records, db.synced, db.outbox, db.checkpoints, db.rejections, db.drafts], async () => {
			for (const page of pages) results.push(await writePage(page, settled));
		});
		return results;
	}

	const commitPage = async (page: PreparedPage): Promise<PageStored> => (await commitPages([page]))[0]!;

	return {
		/** Every case the device holds, with how far it has read each. */
		async heldCases(): Promise<{ caseId: string; checkpoint?: string }[]> {
			// One read transaction for every query: dozens of small ones each wait their turn.
			const [checkpoints, ids] = await db.transaction('r', [db.checkpoints, db.records], async () => {
				const held = new Map((await db.checkpoints.where('caseId').above('').toArray()).map((row) => [row.caseId!, row.checkpoint]));
				return [held, new Set(await casesWithRecords(db, [...held.keys()]))] as const;
			});
			return [...ids].sort().map((caseId) => (checkpoints.has(caseId) ? { caseId, checkpoint: checkpoints.get(caseId) } : { caseId }));
		},

		serviceCheckpoint: async (): Promise<string | undefined> => (await db.checkpoints.get(SERVICE_KEY))?.checkpoint,

		/** Stores one page: sealed first, then committed with its checkpoints in one transaction. */
		async storePage(page: PullResponse, heldCases?: ReadonlySet<string>): Promise<PageStored> {
			return commitPage(await preparePage(page, heldCases));
		},

		preparePage,
		commitPages,

		pendingInCase: (caseId: string) => db.outbox.where('caseId').equals(caseId).count(),

		/**
		 * Removes a case from the device in one transaction, only when nothing of it waits in the
		 * outbox (checked inside the transaction, so a save made meanwhile is never lost).
		 */
		async purgeCase(caseId: string): Promise<boolean> {
			return db.transaction('rw', [db.outbox, db.records, db.synced, db.checkpoints, db.cases, db.rejections, db.drafts], async () => {
				if ((await db.outbox.where('caseId').equals(caseId).count()) > 0) return false;
				await deleteCaseRows(db.records, caseId);
				await db.synced.where('caseId').equals(caseId).delete();
				await db.checkpoints.where('caseId').equals(caseId).delete();
				await db.rejections.where('caseId').equals(caseId).delete();
				await db.drafts.where('caseId').equals(caseId).delete();
				await db.cases.delete(caseId);
				return true;
			});
		}
	};
}
