import { noteDraftId } from '../db/draft-repository.js';
import type { UserDb } from '../db/user-db.js';
import type { PullResponse } from '../protocol/sync-pull.js';

/**
 * Drops records the server removed (retention, erasure) with everything the device keeps about
 * them: its server copy, changes still waiting in the outbox and why any was refused, and the
 * draft of an amendment to a removed note. Run inside the page's transaction. The round pushed
 * before it pulled, so what waits now could only be refused: the record is gone for good.
 */
export async function dropRemoved(db: UserDb, deletions: PullResponse['deletions']): Promise<void> {
	if (deletions.length === 0) return;
	const ids = deletions.map((d) => d.docId);
	await db.records.bulkDelete(ids);
	await db.synced.bulkDelete(ids);
	await db.outbox.where('docId').anyOf(ids).delete();
	await db.rejections.where('docId').anyOf(ids).delete();
	const drafts = deletions.flatMap(({ docId, caseId }) => {
		const note = caseId && docId.startsWith(`case:${caseId}:case-note:`) ? docId.slice(`case:${caseId}:case-note:`.length) : undefined;
		return note ? [noteDraftId(caseId!, note)] : [];
	});
	await db.drafts.bulkDelete(drafts);
}
