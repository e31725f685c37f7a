import { LockedError } from '../crypto/keyring.js';
import type { PurgeReason } from '../protocol/sync-pull.js';
import { inCase, notRefused, pushOutbox, type PushContext } from './push-outbox.js';
import type { SyncLock } from './sync-lock.js';
import type { SyncStore } from './sync-store.js';
import type { SyncTransport, TransportFailure } from './sync-transport.js';

export interface SyncProgress {
	/** Records pulled so far in this round, and the total when the server knows it. */
	done: number;
	total?: number;
}

export type SyncOutcome =
	| { status: 'synced'; at: string; pushed: number; rejected: number; purged: string[]; purgeWaiting: string[] }
	/** The vault locked: the round stopped where it was; everything committed so far stands. */
	| { status: 'locked' }
	/** The device was revoked: every vault on it is gone. */
	| { status: 'wiped' }
	| { status: Exclude<TransportFailure['kind'], 'wipe'>; message: string };

export interface SyncEngineDeps {
	store: SyncStore;
	transport: SyncTransport;
	lock: SyncLock;
	deviceId: string;
	/** Whether the data key is in memory; checked between steps so a lock ends the round quietly. */
	isUnlocked: () => boolean;
	/** Removes every vault on the device and signs out. */
	wipe: () => Promise<void>;
	onProgress?: (progress: SyncProgress) => void;
	pageLimit?: number;
}

const isLocked = (error: unknown) => error instanceof LockedError || (error as { code?: unknown } | null)?.code === 'locked';

/** The device side of sync: push, then pull, then purge, one round at a time across tabs. */
export function createSyncEngine(deps: SyncEngineDeps) {
	const { store, transport } = deps;
	const ctx: PushContext = { store, transport, deviceId: deps.deviceId };

	async function failed(answer: TransportFailure): Promise<SyncOutcome> {
		if (answer.kind !== 'wipe') return { status: answer.kind, message: answer.message };
		// Nothing is pushed first: a revoked tablet may be in the wrong hands.
		await deps.wipe();
		return { status: 'wiped' };
	}

	async function pull(): Promise<{ ok: true; at: string; purges: Map<string, PurgeReason> } | TransportFailure | { ok: false; kind: 'locked' }> {
		const purges = new Map<string, PurgeReason>();
		for (;;) {
			if (!deps.isUnlocked()) return { ok: false, kind: 'locked' };
			const checkpoint = await store.serviceCheckpoint();
			const answer = await transport.pull({
				deviceId: deps.deviceId,
				cases: await store.heldCases(),
				service: checkpoint ? { checkpoint } : {},
				...(deps.pageLimit ? { limit: deps.pageLimit } : {})
			});
			if (!answer.ok) return answer;
			const page = answer.value;
			await store.storePage(page);
			for (const { caseId, reason } of page.purges) purges.set(caseId, reason);
			deps.onProgress?.({ done: page.progress.done, ...(page.progress.total === undefined ? {} : { total: page.progress.total }) });
			if (page.done) return { ok: true, at: page.serverTime, purges };
		}
	}

	async function round(): Promise<SyncOutcome> {
		if (!deps.isUnlocked()) return { status: 'locked' };
		if (!(await transport.reachable())) return { status: 'offline', message: 'The server cannot be reached.' };
		const pushed = await pushOutbox(ctx, notRefused);
		if (!pushed.ok) return failed(pushed);
		const pulled = await pull();
		if (!pulled.ok) return pulled.kind === 'locked' ? { status: 'locked' } : failed(pulled);
		const purged: string[] = [];
		const purgeWaiting: string[] = [];
		for (const caseId of pulled.purges.keys()) {
			// Unsynced work in a lost case goes to the server first (it files it), refused entries too.
			if ((await store.pendingInCase(caseId)) > 0) {
				const flushed = await pushOutbox(ctx, inCase(caseId));
				if (!flushed.ok) return failed(flushed);
			}
			const list = (await store.purgeCase(caseId)) ? purged : purgeWaiting;
			list.push(caseId);
		}
		await store.markSynced(pulled.at);
		return { status: 'synced', at: pulled.at, pushed: pushed.sent, rejected: pushed.rejected, purged, purgeWaiting };
	}

	return {
		/** One round. Never throws for a lock or a failed call: the outcome says what happened. */
		sync(): Promise<SyncOutcome> {
			return deps.lock.run(async () => {
				try {
					return await round();
				} catch (error) {
					if (isLocked(error) || !deps.isUnlocked()) return { status: 'locked' } as const;
					// The detail is for a developer; a person gets a plain reason and a retry.
					console.error('sync round failed', error);
					return { status: 'failed', message: 'Something on this tablet stopped the sync.' } as const;
				}
			});
		}
	};
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
