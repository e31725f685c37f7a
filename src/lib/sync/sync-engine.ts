import { LockedError } from '../crypto/keyring.js';
import type { PullRequest, PullResponse, PurgeReason } from '../protocol/sync-pull.js';
import { inCase, notRefused, pushOutbox, type PushContext } from './push-outbox.js';
import type { PreparedPage } from './pull-store.js';
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
	/** Reports case screens opened on the tablet (offline reads) after the push; only a wipe answer stops the round. */
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

	type Pulled = { ok: true; at: string; purges: Map<string, PurgeReason> } | TransportFailure | { ok: false; kind: 'locked' };

	async function request(): Promise<PullRequest> {
		const checkpoint = await store.serviceCheckpoint();
		return { deviceId: deps.deviceId, cases: await store.heldCases(), service: checkpoint ? { checkpoint } : {}, ...(deps.pageLimit ? { limit: deps.pageLimit } : {}) };
	}

	function noteCommitted(page: PullResponse, purges: Map<string, PurgeReason>): void {
		for (const { caseId, reason } of page.purges) purges.set(caseId, reason);
		deps.onProgress?.({ done: page.progress.done, ...(page.progress.total === undefined ? {} : { total: page.progress.total }) });
	}

	/**
	 * Every page in one answer, stored as it arrives; asks again if the answer ended early. Page
	 * k + 1 is checked and sealed while page k commits; commits run one at a time in page order
	 * (pages sealed meanwhile commit together), and after a failed one nothing later commits.
	 */
	async function pullStreamed(pullStream: NonNullable<SyncTransport['pullStream']>): Promise<Pulled | undefined> {
		const purges = new Map<string, PurgeReason>();
		let at = '';
		for (let answers = 0; ; answers++) {
			if (!deps.isUnlocked()) return { ok: false, kind: 'locked' };
			let committed: Promise<void> = Promise.resolve();
			let failure: unknown;
			const ready: { page: PullResponse; prepared: PreparedPage }[] = [];
			const asked = await request();
			const heldCases = new Set(asked.cases.map((c) => c.caseId));
			const answer = await pullStream(asked, async (page) => {
				if (failure !== undefined) throw failure;
				if (!deps.isUnlocked()) throw new LockedError();
				ready.push({ page, prepared: await store.preparePage(page, heldCases) });
				committed = committed.then(async () => {
					const batch = ready.splice(0);
					if (batch.length === 0) return;
					await store.commitPages(batch.map((b) => b.prepared));
					for (const { page: stored } of batch) noteCommitted(stored, purges);
					at = batch.at(-1)!.page.serverTime;
				});
				committed.catch((error: unknown) => (failure ??= error));
			}).finally(() => committed.catch(() => undefined));
			await committed;
			// An older server without the streamed pull: page by page instead.
			if (!answer.ok) return answer.kind === 'unsupported' && answers === 0 ? undefined : answer;
			if (answer.value.done) return { ok: true, at, purges };
			// Cut off part-way; the checkpoints stored so far say where to go on from, but an answer with no page is a failure.
			if (answer.value.pages === 0) return { ok: false, kind: 'offline', message: 'The connection dropped while the caseload was loading.' };
		}
	}

	async function pullPaged(): Promise<Pulled> {
		const purges = new Map<string, PurgeReason>();
		for (;;) {
			if (!deps.isUnlocked()) return { ok: false, kind: 'locked' };
			const asked = await request();
			const answer = await transport.pull(asked);
			if (!answer.ok) return answer;
			// A page and its checkpoints commit together; what is committed stands if the round stops after it.
			await store.storePage(answer.value, new Set(asked.cases.map((c) => c.caseId)));
			noteCommitted(answer.value, purges);
			if (answer.value.done) return { ok: true, at: answer.value.serverTime, purges };
		}
	}

	async function pull(): Promise<Pulled> {
		const streamed = transport.pullStream ? await pullStreamed(transport.pullStream.bind(transport)) : undefined;
		return streamed ?? pullPaged();
	}

	async function round(): Promise<SyncOutcome> {
		if (!deps.isUnlocked()) return { status: 'locked' };
		if (!(await transport.reachable())) return { status: 'offline', message: 'The server cannot be reached.' };
		const pushed = await pushOutbox(ctx, notRefused);
		if (!pushed.ok) return failed(pushed);
		const reported = await deps.reportAccess?.();
		if (reported && !reported.ok && reported.wipe) return failed({ ok: false, kind: 'wipe', message: 'This device was revoked.' });
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
