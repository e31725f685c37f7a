import { caseRepository } from '../db/case-repository.js';
import { userDb } from '../db/user-db.js';
import type { MyCasesResponse } from '../protocol/cases.js';
import { callApi } from './api-client.js';

export type SyncPhase = 'idle' | 'syncing' | 'failed' | 'signed-out-on-server';

/** The device's sync with the server: what happened last, and when it last succeeded. */
class SyncState {
	phase = $state<SyncPhase>('idle');
	lastSyncedAt = $state<string | undefined>(undefined);
	message = $state<string | undefined>(undefined);
	#running: Promise<void> | undefined;

	async load(userId: string): Promise<void> {
		this.lastSyncedAt = await caseRepository(userDb(userId)).lastSyncedAt();
	}

	/** Pulls the user's cases. Concurrent calls share one run. */
	syncNow(userId: string): Promise<void> {
		this.#running ??= this.#pull(userId).finally(() => (this.#running = undefined));
		return this.#running;
	}

	async #pull(userId: string): Promise<void> {
		this.phase = 'syncing';
		const result = await callApi<MyCasesResponse>('GET', '/api/cases');
		if (result.ok) {
			await caseRepository(userDb(userId)).replaceAll(result.value.cases, result.value.serverTime);
			this.lastSyncedAt = result.value.serverTime;
			this.phase = 'idle';
			this.message = undefined;
		} else {
			this.phase = result.status === 401 ? 'signed-out-on-server' : 'failed';
			this.message = result.error.message;
		}
	}

	reset(): void {
		this.phase = 'idle';
		this.lastSyncedAt = undefined;
		this.message = undefined;
	}
}

export const syncState = new SyncState();
