// A simulated tablet speaking the sync protocol over HTTP as the app's engine does: signs in as its
// own device, and each catch-up sync is a reachability check, a push of a few new notes, and a
// streamed pull from its checkpoints. Any answer but the expected one throws.
import { randomUUID } from 'node:crypto';
import { exampleWith } from '../../src/lib/domain/record-fixtures.js';
import type { PullResponse } from '../../src/lib/protocol/sync-pull.js';
import type { PushResponse } from '../../src/lib/protocol/sync.js';
import { diffRecords } from '../../src/lib/sync/merge/record-changes.js';
import { prose } from '../lib/records.js';
import type { LoadUser } from './seed.js';

export interface Checkpoints {
	cases: Record<string, string>;
	service?: string;
}

export class SimDevice {
	readonly deviceId = `load-${randomUUID()}`;
	private cookies = new Map<string, string>();
	checkpoints: Checkpoints = { cases: {} };
	private notes = 0;
	/** Records received by pulls, for checking that changes arrive. */
	received = 0;

	constructor(
		private readonly url: string,
		readonly user: LoadUser
	) {}

	private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
		const answer = await fetch(`${this.url}${path}`, {
			method,
			headers: { ...(body ? { 'content-type': 'application/json' } : {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
			body: body ? JSON.stringify(body) : undefined
		});
		for (const line of answer.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
		}
		if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
		return answer;
	}

	async signIn(password: string): Promise<void> {
		await (await this.call('POST', '/api/session', { username: this.user.username, password, device: { id: this.deviceId, label: 'Load tablet' } })).arrayBuffer();
	}

	/** A streamed pull from the held checkpoints; stores the last page's checkpoints. */
	async pull(): Promise<number> {
		const request = {
			deviceId: this.deviceId,
			cases: Object.entries(this.checkpoints.cases).map(([caseId, checkpoint]) => ({ caseId, checkpoint })),
			service: this.checkpoints.service ? { checkpoint: this.checkpoints.service } : {}
		};
		const text = await (await this.call('POST', '/api/sync/pull-stream', request)).text();
		const pages = text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as PullResponse);
		if (pages.length === 0 || !pages.at(-1)!.done) throw new Error('The streamed pull ended before its last page');
		let records = 0;
		for (const page of pages) {
			Object.assign(this.checkpoints.cases, page.checkpoints.cases);
			if (page.checkpoints.service) this.checkpoints.service = page.checkpoints.service;
			records += page.records.length;
		}
		this.received += records;
		return records;
	}

	/** One catch-up sync: reachability, `changes` new notes pushed, then the pull. */
	async sync(changes: number): Promise<{ pushed: number; pulled: number }> {
		await (await this.call('GET', '/api/health')).arrayBuffer();
		const at = new Date().toISOString();
		const mutations = Array.from({ length: changes }, () => {
			const n = this.notes++;
			const caseId = this.user.caseIds[n % this.user.caseIds.length]!;
			const note = exampleWith('case-note', (r) => Object.assign(r, { id: `${this.deviceId.slice(5, 17)}-${n}`, caseId, text: prose(n, 300), createdBy: this.user.id, createdAt: at, updatedAt: at, aboutParticipantIds: [] }));
			return { mutationId: randomUUID(), recordId: note.id as string, recordType: 'case-note' as const, caseId, changes: diffRecords(undefined, note), deviceTime: at, deviceId: this.deviceId };
		});
		const results = ((await (await this.call('POST', '/api/sync/push', { mutations })).json()) as PushResponse).results;
		const applied = results.filter((r) => r.status === 'applied').length;
		if (applied !== changes) throw new Error(`Push: ${applied} of ${changes} applied: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
		return { pushed: changes, pulled: await this.pull() };
	}
}
