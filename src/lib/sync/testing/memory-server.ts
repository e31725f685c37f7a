import * as v from 'valibot';
import { belongsToCase, caseChildDocId, caseDocId, serviceDocId } from '../../domain/ids.js';
import { parseRecord } from '../../domain/records.js';
import type { ConflictEntry } from '../../protocol/sync-conflict.js';
import { pullRequestSchema, type PullRequest, type PullResponse } from '../../protocol/sync-pull.js';
import { pushRequestSchema, type Mutation, type MutationResult, type PushRequest, type PushResponse } from '../../protocol/sync.js';
import { mergeMutation } from '../merge/record-changes.js';
import type { SyncTransport, TransportAnswer } from '../sync-transport.js';

interface StoredDoc {
	caseId?: string;
	rev: string;
	record: Record<string, unknown>;
	conflicts: ConflictEntry[];
	seq: number;
}

const WIPE = { ok: false, kind: 'wipe', message: 'This device was revoked.' } as const;
const DROPPED = { ok: false, kind: 'offline', message: 'The connection dropped.' } as const;

function docIdOf(m: Pick<Mutation, 'recordType' | 'recordId' | 'caseId'>): string {
	if (m.recordType === 'case') return caseDocId(m.recordId);
	return m.caseId ? caseChildDocId(m.caseId, m.recordType, m.recordId) : serviceDocId(m.recordType, m.recordId);
}

/**
 * The sync protocol's server side, in memory, for unit tests of the device engine: a mutation log
 * for idempotency, three-way merges with the shared merge module, the domain schema on every
 * write, per-case checkpoints (a global sequence, as CouchDB's), pages, purges and revocation.
 * `faults` break the next call the way a network does; `calls` counts what arrived.
 */
export function memoryServer(now: () => string = () => '2026-11-01T10:00:00.000Z') {
	const docs = new Map<string, StoredDoc>();
	const log = new Map<string, MutationResult>();
	const assigned = new Set<string>();
	let seq = 0;
	// `streams` false: the server has no streamed pull (an older one), and answers it 404.
	const state = { revoked: false, reachable: true, streams: true };
	const faults = { dropPushResponse: 0, failPull: 0, beforePullAnswer: undefined as undefined | (() => void | Promise<void>) };
	const calls = { push: 0, pull: 0, pullStream: 0, mutationsApplied: 0 };

	function write(docId: string, caseId: string | undefined, record: Record<string, unknown>, conflicts: ConflictEntry[]): string {
		const generation = Number(docs.get(docId)?.rev.split('-')[0] ?? 0) + 1;
		const rev = `${generation}-r${++seq}`;
		docs.set(docId, { caseId, rev, record, conflicts, seq });
		return rev;
	}

	function apply(m: Mutation): MutationResult {
		const seen = log.get(m.mutationId);
		if (seen && seen.status !== 'rejected') return 'rev' in seen ? { status: 'duplicate', mutationId: m.mutationId, rev: seen.rev } : seen;
		const remember = (result: MutationResult) => (result.status !== 'rejected' && log.set(m.mutationId, result), result);
		if (m.caseId && !assigned.has(m.caseId)) return remember({ status: 'filed', mutationId: m.mutationId, code: 'case-not-accessible' });
		const docId = docIdOf(m);
		const stored = docs.get(docId);
		const merged = mergeMutation(stored?.record, stored?.conflicts ?? [], m);
		if (!merged.ok) return { status: 'rejected', mutationId: m.mutationId, code: merged.code, message: 'Refused', fields: merged.fields.map((path) => ({ path, message: 'Refused' })) };
		const parsed = parseRecord(merged.record);
		if (!parsed.ok) return { status: 'rejected', mutationId: m.mutationId, code: 'invalid-record', message: 'This record is not valid', fields: parsed.problems };
		const onBase = stored ? stored.rev === m.baseRev : m.baseRev === undefined;
		const rev = write(docId, m.caseId, merged.record, merged.conflicts);
		calls.mutationsApplied++;
		return remember(onBase && merged.conflicts.length === 0 ? { status: 'applied', mutationId: m.mutationId, rev } : { status: 'merged', mutationId: m.mutationId, rev, record: merged.record, conflicts: merged.conflicts });
	}

	const respond = (results: MutationResult[]): PushResponse => ({ results, serverTime: now() });

	function page(request: PullRequest): PullResponse {
		const listed = new Map(request.cases.map((c) => [c.caseId, c.checkpoint]));
		const cases = [...new Set([...listed.keys(), ...assigned])].filter((id) => assigned.has(id));
		const since = (caseId: string) => Number(listed.get(caseId) ?? 0);
		const due = [...docs.entries()]
			.filter(([docId, doc]) => doc.caseId && cases.some((c) => belongsToCase(docId, c) && doc.seq > since(c)))
			.sort((a, b) => a[1].seq - b[1].seq);
		const limit = request.limit ?? 1_000;
		const sent = due.slice(0, limit);
		const checkpoints: Record<string, string> = {};
		for (const caseId of cases) {
			const left = due.slice(limit).some(([, doc]) => doc.caseId === caseId);
			const last = sent.filter(([, doc]) => doc.caseId === caseId).at(-1)?.[1].seq;
			if (!left) checkpoints[caseId] = String(seq);
			else if (last !== undefined) checkpoints[caseId] = String(last);
		}
		return {
			records: sent.map(([docId, doc]) => ({ docId, ...(doc.caseId ? { caseId: doc.caseId } : {}), rev: doc.rev, record: doc.record, conflicts: doc.conflicts })),
			deletions: [],
			purges: [...listed.keys()].filter((id) => !assigned.has(id)).map((caseId) => ({ caseId, reason: 'unassigned' as const })),
			checkpoints: { cases: checkpoints },
			done: due.length <= limit,
			progress: { done: sent.length, total: due.length },
			serverTime: now()
		};
	}

	const transport: SyncTransport = {
		async push(request: PushRequest): Promise<TransportAnswer<PushResponse>> {
			calls.push++;
			if (!state.reachable) return DROPPED;
			if (state.revoked) return WIPE;
			const { mutations } = v.parse(pushRequestSchema, request);
			const answer = respond(mutations.map(apply));
			// The server did the work; only the answer is lost on the way back.
			if (faults.dropPushResponse > 0) return (faults.dropPushResponse--, DROPPED);
			return { ok: true, value: answer };
		},
		async pull(request: PullRequest): Promise<TransportAnswer<PullResponse>> {
			calls.pull++;
			if (!state.reachable) return DROPPED;
			if (state.revoked) return WIPE;
			if (faults.failPull > 0) return (faults.failPull--, DROPPED);
			const answer = page(v.parse(pullRequestSchema, request));
			await faults.beforePullAnswer?.();
			return { ok: true, value: answer };
		},
		/** Every page in one answer, as the real server streams them; `failPull` cuts it off before a page. */
		async pullStream(request, onPage) {
			calls.pullStream++;
			if (!state.streams) return { ok: false, kind: 'unsupported', message: 'The server does not sync records yet.' };
			let next = request;
			for (let pages = 0; ; ) {
				const answer = await transport.pull(next);
				if (!answer.ok) return answer;
				await onPage(answer.value);
				pages++;
				if (answer.value.done) return { ok: true, value: { pages, done: true } };
				const held = new Map(next.cases.map((c) => [c.caseId, c.checkpoint]));
				for (const [caseId, checkpoint] of Object.entries(answer.value.checkpoints.cases)) held.set(caseId, checkpoint);
				next = { ...next, cases: [...held].map(([caseId, checkpoint]) => (checkpoint ? { caseId, checkpoint } : { caseId })) };
			}
		}
	};

	return {
		transport,
		state,
		faults,
		calls,
		assign: (...caseIds: string[]) => caseIds.forEach((id) => assigned.add(id)),
		unassign: (caseId: string) => assigned.delete(caseId),
		/** A colleague's write, straight into the store. */
		put: (docId: string, record: Record<string, unknown>, caseId?: string) => write(docId, caseId, record, []),
		get: (docId: string) => docs.get(docId),
		/** The store as it stands, for `restore`. */
		backup: () => ({ docs: structuredClone(docs), log: structuredClone(log) }),
		/**
		 * Puts a backup back, as a restore by replication into an empty store: its versions return
		 * (new to every checkpoint, so pulls send them), whatever was written since is gone.
		 */
		restore(backup: { docs: Map<string, StoredDoc>; log: Map<string, MutationResult> }) {
			docs.clear();
			log.clear();
			for (const [docId, doc] of backup.docs) docs.set(docId, { ...structuredClone(doc), seq: ++seq });
			for (const [id, result] of backup.log) log.set(id, result);
		},
		count: () => docs.size
	};
}

export type MemoryServer = ReturnType<typeof memoryServer>;
