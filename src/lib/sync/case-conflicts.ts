import { liveQuery, type Observable } from 'dexie';
import { outbox } from '../db/outbox.js';
import { recordRepository, type RecordRepositoryOptions } from '../db/record-repository.js';
import { openFor, requireKey } from '../db/sealing.js';
import type { UserDb } from '../db/user-db.js';
import type { DomainRecord } from '../domain/records.js';
import type { FieldProblem } from '../domain/validation.js';
import type { ConflictEntry } from '../protocol/sync-conflict.js';
import { settleConflicts, valueAtPath } from './merge/conflicts.js';
import { resolveConflict, type ConflictChoice } from './merge/resolve-conflict.js';
import { copyContext, type ServerCopy } from './server-copy.js';

/** A record with values sync kept for a person to choose between, as this device now stands. */
export interface RecordConflicts {
	docId: string;
	/** The working copy on this device: what the case screens show. */
	record: DomainRecord;
	conflicts: ConflictEntry[];
}

export type ResolveOutcome =
	| { ok: true }
	| { ok: false; code: 'no-such-conflict' | 'no-such-value' | 'record-frozen' | 'invalid-value'; problems: FieldProblem[] };

/**
 * Conflicts live with the server's copy of a record. A decision made on this device waits in the
 * outbox until pushed; until then it already counts here, so the person never decides twice.
 */
export function caseConflicts(db: UserDb, options: RecordConflictsOptions = {}) {
	const records = recordRepository(db, options);
	const now = options.now ?? (() => new Date().toISOString());

	async function forDoc(docId: string): Promise<RecordConflicts | undefined> {
		const row = await db.synced.get(docId);
		if (!row) return undefined;
		const copy = await openFor<ServerCopy>(db, copyContext(docId), row.enc);
		if (copy.conflicts.length === 0) return undefined;
		const record = (await records.get(docId)) ?? (copy.record as unknown as DomainRecord);
		const decided = (await outbox(db).pendingFor(docId)).flatMap((change) => change.resolves ?? []);
		const conflicts = decided.length ? settleConflicts(copy.conflicts, decided, (path) => valueAtPath(record, path)) : copy.conflicts;
		return conflicts.length > 0 ? { docId, record, conflicts } : undefined;
	}

	async function inCase(caseId: string): Promise<RecordConflicts[]> {
		requireKey(db);
		const ids = (await db.synced.where('caseId').equals(caseId).primaryKeys()) as string[];
		const found = await Promise.all(ids.map(forDoc));
		return found.filter((item) => item !== undefined);
	}

	async function countByCase(): Promise<Map<string, number>> {
		requireKey(db);
		const caseIds = (await db.synced.orderBy('caseId').uniqueKeys()) as string[];
		const counts = new Map<string, number>();
		for (const caseId of caseIds) {
			const total = (await inCase(caseId)).reduce((sum, item) => sum + item.conflicts.length, 0);
			if (total > 0) counts.set(caseId, total);
		}
		return counts;
	}

	return {
		inCase,
		watchCase: (caseId: string): Observable<RecordConflicts[]> => liveQuery(() => inCase(caseId)),

		/** How many fields wait for a decision, per case: the "needs a decision" marker. */
		countByCase,
		watchCounts: (): Observable<Map<string, number>> => liveQuery(countByCase),

		/**
		 * Saves a person's choice like any edit, with the values they saw in the same outbox entry,
		 * so the server drops exactly those and keeps any that arrived meanwhile. Nothing is saved
		 * when the choice is not possible or the value would make the record invalid.
		 */
		async resolve(docId: string, path: readonly string[], choice: ConflictChoice): Promise<ResolveOutcome> {
			const held = await forDoc(docId);
			if (!held) return { ok: false, code: 'no-such-conflict', problems: [] };
			const result = resolveConflict(held.record, held.conflicts, path, choice);
			if (!result.ok) return { ok: false, code: result.code, problems: [] };
			const record = 'updatedAt' in result.record ? { ...result.record, updatedAt: now() } : result.record;
			const saved = await records.save(record, { resolves: [result.resolution] });
			return saved.ok ? { ok: true } : { ok: false, code: 'invalid-value', problems: saved.problems };
		}
	};
}

export type RecordConflictsOptions = RecordRepositoryOptions;
export type CaseConflicts = ReturnType<typeof caseConflicts>;
