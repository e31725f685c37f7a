// The ceiling: the store requests one catch-up sync makes (docs/sync.md "Store requests", and the
// pull's listing), sent straight to the same store with nano from this process. No HTTP server, no
// validation, no merge: what the server adds on top is the difference between the two figures.
import { randomUUID } from 'node:crypto';
import nano from 'nano';
import { caseDocId, caseChildDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { prose } from '../lib/records.js';
import type { LoadUser } from './seed.js';

type Db = nano.DocumentScope<Record<string, unknown>>;

export function ceilingClient(storeUrl: string, auth: { username: string; password: string }, prefix = 'tandem') {
	const url = new URL(storeUrl);
	[url.username, url.password] = [encodeURIComponent(auth.username), encodeURIComponent(auth.password)];
	const server = nano({ url: url.toString().replace(/\/$/, '') });
	const db = (name: string) => server.use<Record<string, unknown>>(`${prefix}_${name}`) as Db;
	const [records, accounts, audit] = [db('records'), db('accounts'), db('audit')];
	/** Who is calling: the session, user and device in one read (as on every signed-in request). */
	const authenticate = (user: LoadUser, sessionId: string, deviceId: string) => accounts.fetch({ keys: [sessionId, `user:${user.id}`, `device:${deviceId}`] });
	let n = 0;
	return {
		/** One catch-up's reads and writes for `user`'s device: push `changes` new notes, then pull what its cases hold since `since`. */
		async sync(user: LoadUser, deviceId: string, sessionId: string, changes: number): Promise<void> {
			const at = new Date().toISOString();
			// Push: read logs, records, conflicts and cases; the assignments; claims; records; audit; logs done.
			await authenticate(user, sessionId, deviceId);
			const notes = Array.from({ length: changes }, (_, i) => {
				const caseId = user.caseIds[(n + i) % user.caseIds.length]!;
				const id = `ceiling-${randomUUID().slice(0, 12)}`;
				return { _id: caseChildDocId(caseId, 'case-note', id), type: 'case-note', v: 1, id, caseId, text: prose(n++, 300), aboutParticipantIds: [], createdAt: at, updatedAt: at, createdBy: user.id };
			});
			const logs = notes.map(() => `mutation:${deviceId}:${randomUUID()}`);
			await Promise.all([
				records.fetch({ keys: [...logs, ...notes.flatMap((d) => [d._id, `${d._id}:conflicts`]), ...new Set(notes.map((d) => caseDocId(d.caseId)))] }),
				accounts.fetch({ keys: notes.map((d) => `assign:${user.id}:${d.caseId}`) })
			]);
			const claimed = await records.bulk({ docs: logs.map((_id) => ({ _id, type: 'mutation-log', status: 'pending', at })) });
			await records.bulk({ docs: notes });
			await audit.bulk({ docs: notes.map((d) => ({ _id: `case:${d.caseId}:${at}:${randomUUID().slice(0, 12)}`, type: 'audit', v: 1, action: 'create', recordId: d.id, at })) });
			await records.bulk({ docs: logs.map((_id, i) => ({ _id, _rev: claimed[i]!.rev, type: 'mutation-log', status: 'done', at })) });
			// Pull: beside each other the assignments, the case documents and every case's id range in one
			// _all_docs/queries (the service's ranges come from the server's short-lived listing); then the
			// new bodies, one audit line a case.
			await authenticate(user, sessionId, deviceId);
			const [, , queried] = await Promise.all([
				accounts.list({ startkey: `assign:${user.id}:`, endkey: `assign:${user.id}:\ufff0` }),
				records.fetch({ keys: user.caseIds.map(caseDocId) }),
				server.request({ db: `${prefix}_records`, method: 'post', path: '_all_docs/queries', body: { queries: user.caseIds.map(caseRecordRange) } }) as Promise<{ results: { rows: { id: string }[] }[] }>
			]);
			const newest = queried.results.flatMap((r) => r.rows.filter((row) => row.id.includes(':case-note:ceiling-')).slice(-3).map((row) => row.id));
			if (newest.length > 0) await records.fetch({ keys: newest });
			await audit.bulk({ docs: user.caseIds.map((caseId) => ({ _id: `case:${caseId}:${at}:${randomUUID().slice(0, 12)}`, type: 'audit', v: 1, action: 'read', at })) });
		}
	};
}
