import { dropKeys } from '../crypto/keyring.js';
import { deviceDb } from '../db/device-db.js';
import { deleteUserDb } from '../db/user-db.js';
import { eraseVault, vaultUsers } from '../session/vault.js';

/**
 * The answer to revocation: every vault on the tablet goes (keys, cases, outbox), not only the
 * signed-in person's, and nobody stays signed in. Unsynced work is lost by design: a revoked
 * tablet may be in the wrong hands, so nothing it holds is trusted or sent.
 */
export async function wipeDevice(): Promise<void> {
	dropKeys();
	const current = await deviceDb().sessions.get('current');
	for (const user of await vaultUsers()) await eraseVault(user.id);
	if (current) await deleteUserDb(current.user.id);
	await deviceDb().sessions.delete('current');
}
