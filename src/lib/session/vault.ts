import { createDataKey, unwrapDataKey } from '../crypto/key-wrap.js';
import { dropKeys, holdKey } from '../crypto/keyring.js';
import { checkPassphrase, type StrengthVerdict } from '../crypto/passphrase-strength.js';
import { caseRepository } from '../db/case-repository.js';
import { deviceDb } from '../db/device-db.js';
import { warmNameIndex } from '../db/name-index.js';
import { outbox, type UnsyncedSummary } from '../db/outbox.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import type { SessionUser } from '../protocol/auth.js';
import { attemptsLeft, MAX_UNLOCK_ATTEMPTS, waitAfter } from './unlock-attempts.js';

export type UnlockOutcome =
	| { ok: true }
	| { ok: false; reason: 'wrong'; attemptsLeft: number; retryAt: number }
	| { ok: false; reason: 'wait'; retryAt: number }
	| { ok: false; reason: 'erased' | 'no-vault' };

/** A plain copy: the UI hands in reactive proxies, which IndexedDB cannot clone. */
export const plainUser = (user: SessionUser): SessionUser => ({ id: user.id, username: user.username, displayName: user.displayName, roles: [...user.roles] });

const personalWords = (user: SessionUser) => [user.username, user.displayName, ...user.displayName.split(/\s+/)];

/** Sets up a user's vault on this device: a new data key, wrapped by their passphrase. */
export async function createVault(user: SessionUser, passphrase: string): Promise<StrengthVerdict> {
	const verdict = checkPassphrase(passphrase, personalWords(user));
	if (!verdict.ok) return verdict;
	const { key, stored } = await createDataKey(passphrase);
	await deviceDb().vaults.put({ userId: user.id, user: plainUser(user), key: stored, failedAttempts: 0, retryAt: 0, createdAt: new Date().toISOString() });
	holdKey(user.id, key);
	await caseRepository(userDb(user.id)).sealLegacyCases();
	return verdict;
}

/**
 * Tries a passphrase. Wrong ones are counted on disk; after a few, each try waits longer, and
 * at MAX_UNLOCK_ATTEMPTS the device's copy (key and data) is erased: the server still has all
 * synced work, and the unlock page has warned how many unsynced changes that would lose.
 */
export async function unlockVault(userId: string, passphrase: string, now = Date.now): Promise<UnlockOutcome> {
	const vaults = deviceDb().vaults;
	const row = await vaults.get(userId);
	if (!row) return { ok: false, reason: 'no-vault' };
	if (now() < row.retryAt) return { ok: false, reason: 'wait', retryAt: row.retryAt };
	const key = await unwrapDataKey(passphrase, row.key);
	if (key) {
		await vaults.update(userId, { failedAttempts: 0, retryAt: 0 });
		holdKey(userId, key);
		await caseRepository(userDb(userId)).sealLegacyCases();
		// In the background: the first search by name then reads no rows. A lock meanwhile discards it.
		void warmNameIndex(userDb(userId)).catch(() => undefined);
		return { ok: true };
	}
	const failed = await deviceDb().transaction('rw', vaults, async () => {
		const count = ((await vaults.get(userId))?.failedAttempts ?? 0) + 1;
		await vaults.update(userId, { failedAttempts: count, retryAt: now() + waitAfter(count) });
		return count;
	});
	if (failed >= MAX_UNLOCK_ATTEMPTS) {
		await eraseVault(userId);
		return { ok: false, reason: 'erased' };
	}
	return { ok: false, reason: 'wrong', attemptsLeft: attemptsLeft(failed), retryAt: now() + waitAfter(failed) };
}

/** Removes a user's key and data from this device. Callers warn first if anything is unsynced. */
export async function eraseVault(userId: string): Promise<void> {
	dropKeys();
	await deviceDb().vaults.delete(userId);
	await deleteUserDb(userId);
	const current = await deviceDb().sessions.get('current');
	if (current?.user.id === userId) await deviceDb().sessions.delete('current');
}

export const vaultOf = (userId: string) => deviceDb().vaults.get(userId);
export const vaultUsers = async () => (await deviceDb().vaults.toArray()).map((row) => row.user);
export const unsyncedFor = (userId: string): Promise<UnsyncedSummary> => outbox(userDb(userId)).summary();
