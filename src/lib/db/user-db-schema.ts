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
	}
] as const;

/** The fields each encrypted table may hold in clear; everything else lives inside `enc`. */
export const CLEAR_FIELDS: Record<string, readonly string[]> = {
	cases: ['id', 'updatedAt'],
	records: ['id', 'type', 'caseId', 'createdAt', 'updatedAt'],
	outbox: ['seq', 'mutationId', 'docId', 'type', 'caseId', 'op', 'at']
};
