import { E2E_PORT } from '../../../playwright.config.js';
import { firstAdminPassword } from './server-state.js';

const base = `http://localhost:${E2E_PORT}`;

/**
 * Makes a person through the administrator's API, so a test's allocations touch no demo caseload
 * and no other test's change to a demo account (a second factor, say) reaches it.
 */
async function adminCookie(): Promise<string> {
	const signedIn = await fetch(`${base}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'admin', password: firstAdminPassword() })
	});
	return signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export interface PublishedTemplate {
	templateId: string;
	version: number;
	sections: { id: string; questions: { id: string; text: string }[] }[];
}

/** The newest published version of a checklist template, as the server holds it now (another test may publish one). */
export async function newestTemplate(templateId: string): Promise<PublishedTemplate> {
	const answer = await fetch(`${base}/api/checklist-templates`, { headers: { cookie: await adminCookie() } });
	const { templates } = (await answer.json()) as { templates: PublishedTemplate[] };
	const newest = templates.filter((t) => t.templateId === templateId).sort((a, b) => b.version - a.version)[0];
	if (!newest) throw new Error(`No published template ${templateId}`);
	return newest;
}

export async function addPerson(username: string, displayName: string, role: 'facilitator' | 'coordinator', password: string): Promise<void> {
	const cookie = await adminCookie();
	const made = await fetch(`${base}/api/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ username, displayName, roles: [role], password })
	});
	if (made.status !== 201) throw new Error(`Could not make ${username}: ${made.status} ${await made.text()}`);
}

/** Sets the service's longest idle time before a tablet locks; answers the one it replaced. */
export async function setIdleLockLimit(minutes: number): Promise<number> {
	const cookie = await adminCookie();
	const policy = (await (await fetch(`${base}/api/settings/policy`, { headers: { cookie } })).json()) as { idleLockMinutes: number };
	const saved = await fetch(`${base}/api/settings/policy`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ ...policy, idleLockMinutes: minutes }) });
	if (!saved.ok) throw new Error(`The policy was not saved: ${saved.status}`);
	return policy.idleLockMinutes;
}
