// Runs inside the app's page in Chromium, for the chaos test: the device store's real modules,
// bundled, so the test can make edits the app has no screens for yet (participants) and read
// back what the device holds. It shares the page's IndexedDB; it unlocks its own copy of the
// keyring with the passphrase the person set. Syncing is left to the app's own engine.
import { recordRepository } from '../../src/lib/db/record-repository.js';
import type { DomainRecord } from '../../src/lib/domain/records.js';
import { userDb } from '../../src/lib/db/user-db.js';
import { unlockVault } from '../../src/lib/session/vault.js';
import { caseConflicts } from '../../src/lib/sync/case-conflicts.js';
import { syncStore } from '../../src/lib/sync/sync-store.js';
import type { DeviceRecord, DeviceSnapshot } from '../chaos/sim-device-types.js';

async function rows(userId: string, type?: string): Promise<DeviceRecord[]> {
	const db = userDb(userId);
	const repo = recordRepository(db);
	const stored = type ? await db.records.where('type').equals(type).toArray() : await db.records.toArray();
	const copies = await syncStore(db).serverCopies(stored.map((row) => row.id));
	return Promise.all(
		stored.map(async (row) => {
			const record = (await repo.get(row.id)) as unknown as Record<string, unknown>;
			const copy = copies.get(row.id);
			return { docId: row.id, ...(row.caseId ? { caseId: row.caseId } : {}), record, ...(copy ? { copy } : {}) };
		})
	);
}

const chaosHarness = {
	async unlock(userId: string, passphrase: string): Promise<boolean> {
		return (await unlockVault(userId, passphrase)).ok;
	},
	deviceId: () => localStorage.getItem('tandem-device-id'),
	async save(userId: string, record: Record<string, unknown>, at: string, mutationId: string, basedOn?: Record<string, unknown>) {
		const saved = await recordRepository(userDb(userId), { now: () => at, newId: () => mutationId }).save(record, basedOn ? { basedOn: basedOn as unknown as DomainRecord } : {});
		return saved.ok ? { ok: true } : { ok: false, problems: saved.problems };
	},
	recordsOfType: (userId: string, type: string) => rows(userId, type),
	async snapshot(userId: string): Promise<DeviceSnapshot & { caseList: string[] }> {
		const db = userDb(userId);
		const store = syncStore(db);
		return {
			heldCases: (await store.heldCases()).map((c) => c.caseId),
			records: await rows(userId),
			outbox: await db.outbox.count(),
			rejections: (await store.rejections()).map((r) => ({ docId: r.docId, code: r.code, message: r.message })),
			caseList: (await db.cases.toCollection().primaryKeys()) as string[]
		};
	},
	conflicts: (userId: string, caseId: string) => caseConflicts(userDb(userId)).inCase(caseId),
	resolve: (userId: string, docId: string, path: string[], choice: { pick: number } | { value: unknown }) =>
		caseConflicts(userDb(userId)).resolve(docId, path, choice),
	outboxCount: (userId: string) => userDb(userId).outbox.count(),
	lastSyncedAt: async (userId: string) => (await userDb(userId).syncMeta.get('records'))?.lastSyncedAt ?? ''
};

declare global {
	interface Window {
		chaosHarness: typeof chaosHarness;
	}
}
window.chaosHarness = chaosHarness;
