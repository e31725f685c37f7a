import { E2E_PORT } from '../../../playwright.config.js';
import { firstAdminPassword } from './server-state.js';

const base = `http://localhost:${E2E_PORT}`;

/**
 * Makes a person through the administrator's API, so a test's allocations touch no demo caseload
 * and no other test's change to a demo account (a second factor, say) reaches it.
 */
export async function addPerson(username: string, displayName: string, role: 'facilitator' | 'coordinator', password: string): Promise<void> {
	const signedIn = await fetch(`${base}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'admin', password: firstAdminPassword() })
	});
	const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const made = await fetch(`${base}/api/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ username, displayName, roles: [role], password })
	});
	if (made.status !== 201) throw new Error(`Could not make ${username}: ${made.status} ${await made.text()}`);
}
