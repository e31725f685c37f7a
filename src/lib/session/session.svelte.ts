import { deleteUserDb } from '../db/user-db.js';
import { deviceDb } from '../db/device-db.js';
import type { SessionUser } from '../protocol/auth.js';
import type { FieldProblem } from '../domain/validation.js';
import { callApi } from '../sync/api-client.js';

export type SignInOutcome = { ok: true } | { ok: false; message: string; fields: FieldProblem[] };

/** Who is using the app on this device. Restored from the device store, so it works offline. */
class SessionState {
	user = $state<SessionUser | null>(null);
	restored = $state(false);

	async restore(): Promise<void> {
		const saved = await deviceDb().sessions.get('current');
		this.user = saved?.user ?? null;
		this.restored = true;
	}

	async signIn(username: string, password: string): Promise<SignInOutcome> {
		const result = await callApi<SessionUser>('POST', '/api/session', { username, password });
		if (!result.ok) return { ok: false, message: result.error.message, fields: result.error.fields ?? [] };
		await deviceDb().sessions.put({ key: 'current', user: result.value, signedInAt: new Date().toISOString() });
		this.user = result.value;
		return { ok: true };
	}

	/** Signing out removes this user's case data from the device; nothing unsynced exists yet to lose. */
	async signOut(): Promise<void> {
		const user = this.user;
		await callApi('DELETE', '/api/session');
		await deviceDb().sessions.delete('current');
		if (user) await deleteUserDb(user.id);
		this.user = null;
	}
}

export const session = new SessionState();
