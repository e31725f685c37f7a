import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext } from '@playwright/test';
import type { PullResponse } from '../../../src/lib/protocol/sync-pull.js';
import type { Mutation, PushResponse } from '../../../src/lib/protocol/sync.js';
import { diffRecords } from '../../../src/lib/sync/merge/record-changes.js';
import { passwordOf } from './server-state.js';

/**
 * A colleague working through the server's API with their own device, as the office app does:
 * signs in with a device, pulls a case to learn revisions, pushes changes made on them.
 */
export async function officeDevice(baseURL: string, username = 'coordinator') {
	const api: APIRequestContext = await request.newContext({ baseURL });
	const deviceId = `office-${randomUUID()}`;
	const signedIn = await api.post('/api/session', { data: { username, password: passwordOf(username), device: { id: deviceId, label: 'Office computer' } } });
	if (!signedIn.ok()) throw new Error(`${username} could not sign in: ${signedIn.status()}`);
	const userId = ((await signedIn.json()) as { id: string }).id;

	async function pull(caseId: string): Promise<PullResponse> {
		const answer = await api.post('/api/sync/pull', { data: { deviceId, cases: [{ caseId }] } });
		if (!answer.ok()) throw new Error(`pull answered ${answer.status()}`);
		return (await answer.json()) as PullResponse;
	}

	return {
		userId,
		pull,
		/** The record as the server holds it now, with its kept conflicts. */
		async held(caseId: string, docId: string) {
			return (await pull(caseId)).records.find((r) => r.docId === docId);
		},
		/** Saves `after` over `before` (absent for a new record) on the revision given. */
		async push(before: Record<string, unknown> | undefined, after: Record<string, unknown>, baseRev?: string) {
			const mutation: Mutation = {
				mutationId: randomUUID(),
				recordId: after.id as string,
				recordType: after.type as Mutation['recordType'],
				caseId: after.caseId as string,
				...(baseRev ? { baseRev } : {}),
				changes: diffRecords(before, after),
				deviceTime: new Date().toISOString(),
				deviceId
			};
			const answer = await api.post('/api/sync/push', { data: { mutations: [mutation] } });
			if (!answer.ok()) throw new Error(`push answered ${answer.status()}: ${await answer.text()}`);
			return ((await answer.json()) as PushResponse).results[0]!;
		},
		dispose: () => api.dispose()
	};
}
