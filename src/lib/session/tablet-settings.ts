import * as v from 'valibot';
import { tabletSettingsSchema } from '../protocol/tablet-settings.js';
import { callApi } from '../sync/api-client.js';
import { autoLock } from './auto-lock.svelte.js';

/**
 * Asks the server for the service's tablet settings and applies them. Offline, or against a
 * server without the route, the last ones heard stay in force (or none, on a new tablet).
 */
export async function refreshTabletSettings(): Promise<void> {
	const answer = await callApi<unknown>('GET', '/api/settings/tablet');
	if (!answer.ok) return;
	const settings = v.safeParse(tabletSettingsSchema, answer.value);
	if (settings.success) autoLock.applyLimit(settings.output.idleLockMinutes);
}
