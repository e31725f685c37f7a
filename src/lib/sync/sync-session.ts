import { liveQuery } from 'dexie';
import { isUnlocked } from '../crypto/keyring.js';
import { accessLog } from '../db/access-log.js';
import { outbox, type UnsyncedSummary } from '../db/outbox.js';
import { userDb } from '../db/user-db.js';
import type { SessionUser } from '../protocol/auth.js';
import { deviceIdentity } from '../session/device-identity.js';
import { reportAccess } from './access-reports.js';
import { answerBackgroundSync, requestBackgroundSync } from './background-sync.js';
import { createSyncEngine, type SyncEngine, type SyncProgress } from './sync-engine.js';
import { deviceSyncLock } from './sync-lock.js';
import { browserClock, createSyncScheduler } from './sync-scheduler.js';
import { syncStore, type SyncStore } from './sync-store.js';
import { pagesHere } from './pull-stream.js';
import { httpTransport, withPreparedPull } from './sync-transport.js';
import { workerPageReader } from './worker-pages.js';
import { wipeDevice } from './wipe.js';

export interface SyncSessionHooks {
	/** Runs one round (engine and case list); resolves true when it succeeded. */
	round: (engine: SyncEngine, store: SyncStore) => Promise<boolean>;
	onProgress: (progress: SyncProgress) => void;
	onUnsynced: (summary: UnsyncedSummary) => void;
}

/**
 * Everything that syncs one unlocked user: the engine over their store and the HTTP transport,
 * and a scheduler fed by app start, the network coming and going, and saves (seen as the outbox
 * growing). Returns a stop function; locking or signing out calls it.
 */
export function startSyncSession(user: SessionUser, hooks: SyncSessionHooks): { stop: () => void; syncNow: () => Promise<boolean> } {
	const db = userDb(user.id);
	const store = syncStore(db);
	const deviceId = user.deviceId ?? deviceIdentity().id;
	// A caseload's pages are checked and sealed in a worker, so the screen stays responsive meanwhile.
	const pages =
		typeof Worker === 'function'
			? workerPageReader({
					userId: user.id,
					makeWorker: () => new Worker(new URL('./page-worker.ts', import.meta.url), { type: 'module' }),
					inThread: pagesHere((page, context) => store.preparePage(page, context.heldCases))
				})
			: undefined;
	const engine = createSyncEngine({
		store,
		transport: pages ? withPreparedPull(httpTransport, pages) : httpTransport,
		lock: deviceSyncLock(),
		deviceId,
		isUnlocked: () => isUnlocked(user.id),
		wipe: wipeDevice,
		onProgress: hooks.onProgress,
		reportAccess: () => reportAccess(accessLog(db), deviceId)
	});
	const syncNow = () => hooks.round(engine, store);
	const scheduler = createSyncScheduler(syncNow, browserClock);

	const summary = outbox(db)
		.watchSummary()
		.subscribe({ next: hooks.onUnsynced, error: () => undefined });
	// A save adds an outbox row with a higher seq; the count alone could hide one behind an ack.
	// IndexedDB never hands out a seq twice, so a higher last seq is always a new save.
	let primed = false;
	let lastSeq = 0;
	const saves = liveQuery(() => db.outbox.orderBy('seq').lastKey()).subscribe({
		next: (key) => {
			const seq = typeof key === 'number' ? key : lastSeq;
			if (primed && seq > lastSeq) {
				scheduler.saved();
				// Saved with no network: ask the browser to wake the app when it returns (where it can).
				if (!navigator.onLine) void requestBackgroundSync();
			}
			[primed, lastSeq] = [true, Math.max(seq, lastSeq)];
		},
		error: () => undefined
	});
	const online = () => scheduler.online();
	const offline = () => scheduler.offline();
	window.addEventListener('online', online);
	window.addEventListener('offline', offline);
	const stopAnswering = answerBackgroundSync(syncNow);
	scheduler.start(navigator.onLine);

	return {
		syncNow,
		stop() {
			scheduler.stop();
			pages?.close();
			stopAnswering();
			summary.unsubscribe();
			saves.unsubscribe();
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
		}
	};
}
