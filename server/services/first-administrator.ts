import { randomBytes } from 'node:crypto';
import type { AccountStore } from './account-store.js';

export const FIRST_ADMIN_USERNAME = 'admin';

/** A password a person can type from a terminal: 4 groups of 5 letters and digits. */
export function generatePassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = randomBytes(20);
	const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
	return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}

/**
 * On an empty store, makes the first administrator with a random password and returns it, once.
 * There is never a fixed default password; when another process got there first this returns undefined.
 */
export async function ensureFirstAdministrator(accounts: AccountStore, now: Date): Promise<{ username: string; password: string } | undefined> {
	if (await accounts.findByUsername(FIRST_ADMIN_USERNAME)) return undefined;
	const password = generatePassword();
	const created = await accounts.create(
		{ username: FIRST_ADMIN_USERNAME, displayName: 'Administrator', roles: ['administrator'], password },
		now
	);
	return created ? { username: FIRST_ADMIN_USERNAME, password } : undefined;
}
