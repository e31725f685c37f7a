import { deviceDb } from '../db/device-db.js';
import type { FieldProblem } from '../domain/validation.js';
import type { SessionUser } from '../protocol/auth.js';
import { callApi } from '../sync/api-client.js';
import { deviceIdentity } from './device-identity.js';
import { eraseVault, plainUser, unsyncedFor } from './vault.js';

export type SignInOutcome =
	| { ok: true }
	/** `needsCode`: the password was right and the account asks for its authenticator code. */
	| { ok: false; message: string; fields: FieldProblem[]; needsCode: boolean };

/** Who is using the app on this device. Restored from the device store, so it works offline. */
class SessionState {
	user = $state<SessionUser | null>(null);
	restored = $state(false);
	/** Set when the vault was erased after too many wrong passphrases, for the sign-in page to say so. */
	erased = $state(false);

	async restore(): Promise<void> {
		const saved = await deviceDb().sessions.get('current');
		this.user = saved?.user ?? null;
		this.restored = true;
	}

	/** Signs in online. Another facilitator's vault on this tablet stays, locked, for their return. */
	async signIn(username: string, password: string, code?: string): Promise<SignInOutcome> {
		const body = { username, password, device: deviceIdentity(), ...(code === undefined ? {} : { code }) };
		const result = await callApi<SessionUser>('POST', '/api/session', body);
		if (!result.ok) {
			const { error } = result;
			const needsCode = error.error === 'second-factor-required' || error.error === 'second-factor-failed';
			return { ok: false, message: error.message, fields: error.fields ?? [], needsCode };
		}
		await this.#become(result.value);
		return { ok: true };
	}

	/** Hands a shared tablet to a facilitator who already has a vault on it; works offline. */
	async switchTo(user: SessionUser): Promise<void> {
		await this.#become(user);
	}

	async #become(user: SessionUser): Promise<void> {
		user = plainUser(user);
		await deviceDb().sessions.put({ key: 'current', user, signedInAt: new Date().toISOString() });
		this.erased = false;
		this.user = user;
	}

	/** How many changes a sign-out would erase; the UI asks before going ahead when it is not 0. */
	async unsyncedCount(): Promise<number> {
		return this.user ? (await unsyncedFor(this.user.id)).count : 0;
	}

	/** Removes this user's vault and case data from the device (need to know). */
	async signOut(): Promise<void> {
		const user = this.user;
		await callApi('DELETE', '/api/session');
		await deviceDb().sessions.delete('current');
		if (user) await eraseVault(user.id);
		this.user = null;
	}

	/** After the vault was erased by too many wrong passphrases. */
	forget(reason: 'erased'): void {
		this.erased = reason === 'erased';
		this.user = null;
	}
}

export const session = new SessionState();
