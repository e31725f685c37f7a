import { deleteCaseRows } from '../db/case-rows.js';
import { sealFor } from '../db/sealing.js';
import type { UserDb } from '../db/user-db.js';
import type { PullResponse } from '../protocol/sync-pull.js';
import { casesWithRecords } from './held-cases.js';
import type { SettledCopy } from './one-row-copy.js';
import { preparePulledPage, SERVICE_CHECKPOINT_KEY, type PreparedPage, type SealedRow } from './page-prep.js';
import { dropRemoved } from './removed-records.js';
import { isOlderRevision } from './revisions.js';

export type { PreparedPage };

export interface PageStored {
	stored: number;
	/** Records that failed the domain schema, waited in the outbox, or were held already as sent. */
	skipped: number;
}

/** The pull side of the device store: checkpoints, pages and purges. */
export function pullStore(db: UserDb) {
	/** A page checked and sealed on this thread (see page-prep.ts); the next may be prepared while one commits. */
	const preparePage = (page: PullResponse, heldCases?: ReadonlySet<string>, settled?: ReadonlyMap<string, SettledCopy>): Promise<PreparedPage> =>
		preparePulledPage(page, (context, value) => sealFor(db, context, value), { ...(heldCases ? { heldCases } : {}), ...(settled ? { settled } : {}) });

	/**
	 * One page's writes, inside the caller's transaction. A record with a change in the outbox is
	 * left alone, and so is one older than the revision a push just stored (`settled`: the page was
	 * read on the server before the push landed, and sealed before the push's answer came back).
	 */
	async function writePage({ page, ids, mayHold, valid, checkpoints }: PreparedPage, settled: ReadonlyMap<string, SettledCopy>): Promise<PageStored> {
		// Read inside the transaction, so an edit saved meanwhile is never overwritten.
		const waiting = new Set(ids.length === 0 ? [] : ((await db.outbox.where('docId').anyOf(ids).keys()) as string[]));
		const newer = (row: SealedRow) => !isOlderRevision(row.rev, settled.get(row.docId)?.rev ?? row.rev);
		const rows = valid.filter((row) => !waiting.has(row.docId) && newer(row));
		await db.records.bulkPut(rows.map((row) => row.record));
		await db.synced.bulkPut(rows.flatMap((row) => (row.copy ? [row.copy] : [])));
		// A server copy left in `synced` would win over the one now in `records`.
		const single = rows.filter((row) => !row.copy && mayHold.has(row.docId)).map((row) => row.docId);
		if (single.length > 0) await db.synced.bulkDelete((await db.synced.where(':id').anyOf(single).primaryKeys()) as string[]);
		await dropRemoved(db, page.deletions);
		await db.checkpoints.bulkPut(checkpoints);
		return { stored: rows.length, skipped: ids.length - rows.length };
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

		serviceCheckpoint: async (): Promise<string | undefined> => (await db.checkpoints.get(SERVICE_CHECKPOINT_KEY))?.checkpoint,

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
