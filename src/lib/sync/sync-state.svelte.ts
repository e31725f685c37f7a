import { LockedError } from '../crypto/keyring.js';
import { caseRepository } from '../db/case-repository.js';
import type { UnsyncedSummary } from '../db/outbox.js';
import { userDb } from '../db/user-db.js';
import type { SessionUser } from '../protocol/auth.js';
import type { MyCasesResponse } from '../protocol/cases.js';
import { callApi } from './api-client.js';
import type { SyncEngine, SyncOutcome, SyncProgress } from './sync-engine.js';
import type { startSyncSession } from './sync-session.js';
import type { SyncStore } from './sync-store.js';

type SyncSession = ReturnType<typeof startSyncSession>;

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'failed' | 'signed-out-on-server';

const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);

/** The device's sync with the server as the header shows it: what happened last, and what is waiting. */
class SyncState {
	phase = $state<SyncPhase>('idle');
	lastSyncedAt = $state<string | undefined>(undefined);
	/** A plain reason when the last round did not succeed. */
	message = $state<string | undefined>(undefined);
	/** Records pulled in the running round; shown while a caseload loads. */
	progress = $state<SyncProgress | undefined>(undefined);
	unsynced = $state<UnsyncedSummary>({ count: 0 });
	/** Changes the server refused; they stay in the outbox until a person acts. */
	refused = $state(0);
	#running: Promise<boolean> | undefined;
	#session: Promise<SyncSession | undefined> | undefined;
	/** Bumped by every start and reset, so a session still loading when it was stopped never runs. */
	#generation = 0;

	async load(userId: string): Promise<void> {
		const db = userDb(userId);
		this.lastSyncedAt = later(await caseRepository(db).lastSyncedAt(), (await db.syncMeta.get('records'))?.lastSyncedAt);
	}

	/** Starts syncing for an unlocked user; the returned function stops it (lock, sign-out). */
	start(user: SessionUser, onWiped: () => void): () => void {
		this.#stopSession();
		const generation = ++this.#generation;
		// The engine is not needed to draw the first screen, so its code loads once the vault is open.
		const session = import('./sync-session.js').then(({ startSyncSession }) =>
			generation !== this.#generation
				? undefined
				: startSyncSession(user, {
						round: (engine, store) => this.#share(() => this.#round(user.id, engine, store, onWiped)),
						onProgress: (progress) => (this.progress = progress),
						onUnsynced: (summary) => (this.unsynced = summary)
					})
		);
		this.#session = session;
		void this.load(user.id);
		// A later start or reset has already stopped this session.
		return () => {
			if (this.#session === session) this.#stopSession();
		};
	}

	/** Syncs at once (a button, a test). Concurrent calls share one run. */
	async syncNow(): Promise<boolean> {
		const session = await this.#session;
		return session ? session.syncNow() : false;
	}

	#stopSession(): void {
		this.#generation++;
		void this.#session?.then((running) => running?.stop());
		this.#session = undefined;
	}

	#share(run: () => Promise<boolean>): Promise<boolean> {
		this.#running ??= run().finally(() => (this.#running = undefined));
		return this.#running;
	}

	async #round(userId: string, engine: SyncEngine, store: SyncStore, onWiped: () => void): Promise<boolean> {
		this.phase = 'syncing';
		this.progress = undefined;
		const outcome = await engine.sync();
		this.progress = undefined;
		if (outcome.status === 'wiped') return (this.reset(), onWiped(), true);
		if (outcome.status === 'locked') return (this.phase = 'idle', true);
		if (!this.#settled(outcome)) return false;
		try {
			return await this.#caseList(userId, outcome, store);
		} catch (error) {
			// The vault locked after the engine finished: nothing half-written, nothing to report.
			if (error instanceof LockedError) return (this.phase = 'idle', true);
			throw error;
		}
	}

	/** The case list for the cases page comes from its own endpoint, as before. */
	async #caseList(userId: string, outcome: SyncOutcome, store: SyncStore): Promise<boolean> {
		const cases = await callApi<MyCasesResponse>('GET', '/api/cases');
		if (!cases.ok) return this.#settled({ status: cases.status === 401 ? 'signed-out' : cases.status === 0 ? 'offline' : 'failed', message: cases.error.message });
		await caseRepository(userDb(userId)).replaceAll(cases.value.cases, cases.value.serverTime);
		this.lastSyncedAt = later(outcome.status === 'synced' ? outcome.at : undefined, cases.value.serverTime);
		this.refused = (await store.rejections()).length;
		return true;
	}

	/** Words the outcome; true when the round may go on. */
	#settled(outcome: Exclude<SyncOutcome, { status: 'wiped' | 'locked' }>): boolean {
		// A server without the sync endpoints (an older one mid-upgrade) still serves the case list.
		if (outcome.status === 'synced' || outcome.status === 'unsupported') {
			this.phase = 'idle';
			this.message = undefined;
			return true;
		}
		this.phase = outcome.status === 'signed-out' ? 'signed-out-on-server' : outcome.status;
		this.message = outcome.message;
		return false;
	}

	reset(): void {
		this.#stopSession();
		this.phase = 'idle';
		this.lastSyncedAt = undefined;
		this.message = undefined;
		this.progress = undefined;
		this.unsynced = { count: 0 };
		this.refused = 0;
	}
}

export const syncState = new SyncState();
