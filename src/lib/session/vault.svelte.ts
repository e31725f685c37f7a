import { dropKeys, isUnlocked } from '../crypto/keyring.js';
import type { StrengthVerdict } from '../crypto/passphrase-strength.js';
import type { UnsyncedSummary } from '../db/outbox.js';
import type { SessionUser } from '../protocol/auth.js';
import { createVault, unlockVault, unsyncedFor, vaultOf, vaultUsers, type UnlockOutcome } from './vault.js';

export type VaultStatus = 'unknown' | 'none' | 'locked' | 'unlocked';

const LOCK_CHANNEL = 'tandem-lock';

/** The signed-in person's vault on this device, as the UI sees it. The key itself never lives here. */
class VaultState {
	status = $state<VaultStatus>('unknown');
	failedAttempts = $state(0);
	retryAt = $state(0);
	unsynced = $state<UnsyncedSummary>({ count: 0 });
	/** Other facilitators with a vault on this tablet: names only, never their cases. */
	others = $state<SessionUser[]>([]);
	#channel: BroadcastChannel | undefined;

	async load(user: SessionUser | null): Promise<void> {
		if (!user) return void (this.status = 'none');
		const row = await vaultOf(user.id);
		this.failedAttempts = row?.failedAttempts ?? 0;
		this.retryAt = row?.retryAt ?? 0;
		this.unsynced = await unsyncedFor(user.id);
		this.others = (await vaultUsers()).filter((other) => other.id !== user.id);
		this.status = !row ? 'none' : isUnlocked(user.id) ? 'unlocked' : 'locked';
	}

	async refreshUnsynced(user: SessionUser): Promise<void> {
		this.unsynced = await unsyncedFor(user.id);
	}

	async create(user: SessionUser, passphrase: string): Promise<StrengthVerdict> {
		const verdict = await createVault(user, passphrase);
		if (verdict.ok) this.status = 'unlocked';
		return verdict;
	}

	async unlock(user: SessionUser, passphrase: string): Promise<UnlockOutcome> {
		const outcome = await unlockVault(user.id, passphrase);
		await this.load(user);
		return outcome;
	}

	/** Drops every key from memory; pages holding decrypted data unmount when status changes. */
	lock(): void {
		dropKeys();
		if (this.status === 'unlocked') this.status = 'locked';
		this.#channel?.postMessage('lock');
	}

	/** Locking in one tab locks every tab of the app. */
	listen(): () => void {
		this.#channel = new BroadcastChannel(LOCK_CHANNEL);
		this.#channel.onmessage = () => {
			dropKeys();
			if (this.status === 'unlocked') this.status = 'locked';
		};
		return () => this.#channel?.close();
	}
}

export const vault = new VaultState();
