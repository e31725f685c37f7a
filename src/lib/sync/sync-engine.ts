import { LockedError } from '../crypto/keyring.js';
import { withHolds, type PushedVersion } from './held-versions.js';
import type { SettledCopy } from './one-row-copy.js';
import { pullRounds, type Pulled } from './pull-rounds.js';
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
	/** Reports case screens opened on the tablet (offline reads) once the push succeeded, while the pull runs; only a wipe answer stops the round. */
	reportAccess?: () => Promise<{ ok: true } | { ok: false; wipe: boolean }>;
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

	const pull = pullRounds(deps);

	/** The rest of the round, once push and pull are both done: purges, then the time of the sync. */
	async function finish(pushed: { sent: number; rejected: number }, pulled: Extract<Pulled, { ok: true }>): Promise<SyncOutcome> {
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

	/**
	 * Push, then pull, with no reachability check first: the first answer is one. The pull is asked
	 * for once the server has answered the push's last batch, so its checkpoints name the revisions
	 * the push stored: read before them, they could match a server restored from a backup taken
	 * before the push, and the tablet would keep revisions the server lost (docs/sync.md, "One
	 * round"). It names the revisions the push stored (`withHolds`), so they are not sent back.
	 * That batch settles on the device while the pull is out; no page is stored before it has. The
	 * access report goes beside the pull, only after a push that succeeded: the server counts it as
	 * the tablet having synced (device exposure).
	 */
	async function round(): Promise<SyncOutcome> {
		if (!deps.isUnlocked()) return { status: 'locked' };
		const settled = new Map<string, SettledCopy>();
		// The pull's question is read while the push is out; it is asked only once the push is answered.
		const asked = pull.request();
		asked.catch(() => undefined);
		let answered: (stored: PushedVersion[]) => void = () => {};
		const lastAnswered = new Promise<PushedVersion[]>((resolve) => (answered = resolve));
		const pushing = pushOutbox(ctx, notRefused, settled, answered);
		const early = await Promise.race([lastAnswered.then(() => undefined), pushing]);
		if (early && !early.ok) return failed(early);
		// Pages wait for this: stored only once the push's last batch is settled, never after a failure.
		const pushSettled = pushing.then((done) => {
			if (!done.ok) throw new Error(done.message);
			return settled;
		});
		pushSettled.catch(() => undefined);
		// The round holds the lock until all three have ended, whichever fails first.
		const [pushedAll, reported, pulled] = await Promise.allSettled([pushing, Promise.resolve(deps.reportAccess?.()), pull(pushSettled, Promise.all([asked, lastAnswered]).then(([question, stored]) => withHolds(question, stored)))]);
		if (pushedAll.status === 'rejected') throw pushedAll.reason;
		const pushed = pushedAll.value;
		if (!pushed.ok) return failed(pushed);
		if (reported.status === 'rejected') throw reported.reason;
		if (reported.value && !reported.value.ok && reported.value.wipe) return failed({ ok: false, kind: 'wipe', message: 'This device was revoked.' });
		if (pulled.status === 'rejected') throw pulled.reason;
		if (!pulled.value.ok) return pulled.value.kind === 'locked' ? { status: 'locked' } : failed(pulled.value);
		return finish(pushed, pulled.value);
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
