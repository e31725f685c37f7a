/**
 * Every version of a user's database, oldest first. A version is never edited once released:
 * a change is a new entry, and `user-db.migration.spec.ts` opens data written by the one before.
 */
export const USER_DB_VERSIONS = [
	{ version: 1, stores: { cases: 'id, reference, stage, updatedAt', syncMeta: 'key' } },
	{
		// v2: contents encrypted. Only ids, type, case id and timestamps stay in clear for indexes.
		// v1 case rows keep their data until the first unlock seals them (see sealLegacyCases):
		// WebCrypto cannot run inside the upgrade's own transaction without it committing early.
		version: 2,
		stores: {
			cases: 'id, updatedAt',
			records: 'id, caseId, type, [caseId+type], updatedAt',
			outbox: '++seq, &mutationId, docId, caseId, at',
			syncMeta: 'key'
		}
	},
	{
		// v3: sync. `synced` is the server's copy of each record (revision, body, conflicts) that
		// pushes diff against; `checkpoints` holds the opaque pull position per case; `rejections`
		// keeps why the server refused an outbox entry, which itself stays in the outbox.
		version: 3,
		stores: {
			cases: 'id, updatedAt',
			records: 'id, caseId, type, [caseId+type], updatedAt',
			outbox: '++seq, &mutationId, docId, caseId, at',
			syncMeta: 'key',
			synced: 'id, caseId',
			checkpoints: 'key, caseId',
			rejections: 'mutationId, docId, caseId'
		}
	},
	{
		// v4: drafts. Unfinished writing (a case note) autosaved, sealed like a record, so it
		// survives a closed tab without ever sitting in clear storage. Never synced.
		version: 4,
		stores: {
			cases: 'id, updatedAt',
			records: 'id, caseId, type, [caseId+type], updatedAt',
			outbox: '++seq, &mutationId, docId, caseId, at',
			syncMeta: 'key',
			synced: 'id, caseId',
			checkpoints: 'key, caseId',
			rejections: 'mutationId, docId, caseId',
			drafts: 'id, caseId, updatedAt'
		}
	},
	{
		// v5: one row per pulled record. A record as the server sent it (no local edit, no kept
		// conflicts) is a single `records` row marked `copy`, sealed as the server copy; `synced`
		// keeps a copy only where the working copy differs. Same stores: v4 rows (record plus
		// server copy) stay correct as they are; a pull or a save turns them into the new form.
		// The number still moves so an older app, which cannot read a `copy` row, will not open it.
		version: 5,
		stores: {
			cases: 'id, updatedAt',
			records: 'id, caseId, type, [caseId+type], updatedAt',
			outbox: '++seq, &mutationId, docId, caseId, at',
			syncMeta: 'key',
			synced: 'id, caseId',
			checkpoints: 'key, caseId',
			rejections: 'mutationId, docId, caseId',
			drafts: 'id, caseId, updatedAt'
		}
	},
	{
		// v6: the access log. Each opening of a case screen, sealed (case and screen inside), kept
		// until the server acknowledges it at a sync. Dexie keeps every table a version leaves out
		// as the version before declared it, so this entry names only the new table.
		version: 6,
		stores: { accessLog: 'id, at' }
	},
	{
		// v7: indexes nothing queries are dropped, since every index costs every write: records'
		// `[caseId+type]` and `updatedAt`, cases' and drafts' `updatedAt`. Rows stay as they are.
		version: 7,
		stores: { cases: 'id', records: 'id, caseId, type', drafts: 'id, caseId' }
	},
	{
		// v8: records lose their `caseId` index. A record's key is its document id, under its case's
		// prefix, so a case is two primary-key ranges (`case-rows.ts`); the index cost every write
		// a second tree entry (a quarter of a 5,000-record load). Rows keep `caseId` in clear.
		version: 8,
		stores: { records: 'id, type' }
	}
] as const;

/**
 * The stores and indexes a database has at `version`: each version names only what it changes
 * (Dexie keeps the rest as declared before), so this folds them. Plain-Dexie benchmarks take
 * their indexes from here, so they always carry the device's own.
 */
export function storesAt(version: number): Record<string, string> {
	const stores: Record<string, string> = {};
	for (const entry of USER_DB_VERSIONS) if (entry.version <= version) Object.assign(stores, entry.stores);
	return stores;
}

export const LATEST_STORES = storesAt(USER_DB_VERSIONS.at(-1)!.version);

/** The fields each encrypted table may hold in clear; everything else lives inside `enc`. */
export const CLEAR_FIELDS: Record<string, readonly string[]> = {
	cases: ['id', 'updatedAt'],
	records: ['id', 'type', 'caseId', 'createdAt', 'updatedAt', 'copy'],
	outbox: ['seq', 'mutationId', 'docId', 'type', 'caseId', 'op', 'at'],
	synced: ['id', 'caseId'],
	rejections: ['mutationId', 'seq', 'docId', 'caseId', 'at'],
	drafts: ['id', 'caseId', 'updatedAt'],
	accessLog: ['id', 'at']
};
