import { E2E_PORT } from '../../../playwright.config.js';
import { firstAdminPassword } from './server-state.js';

const base = `http://localhost:${E2E_PORT}`;

/** Makes a facilitator through the administrator's API, so a test's allocations touch no demo caseload. */
export async function addFacilitator(username: string, displayName: string, password: string): Promise<void> {
	const signedIn = await fetch(`${base}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'admin', password: firstAdminPassword() })
	});
	const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const made = await fetch(`${base}/api/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ username, displayName, roles: ['facilitator'], password })
	});
	if (made.status !== 201) throw new Error(`Could not make ${username}: ${made.status} ${await made.text()}`);
}
