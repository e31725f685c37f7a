import { isDeepStrictEqual } from 'node:util';
import { caseDocId } from '../../src/lib/domain/ids.js';
import type { ConflictEntry } from '../../src/lib/protocol/sync-conflict.js';
import { auditLog } from '../../server/services/audit-log.js';
import { conflictsIdOf, isConflictsDoc, type ConflictsDoc, type MutationLogDoc } from '../../server/services/sync-documents.js';
import type { Couch } from '../../server/store/couch.js';
import type { DeviceSnapshot } from './sim-device-types.js';

type Doc = Record<string, unknown>;
export const getAt = (doc: Doc | undefined, path: readonly string[]): unknown =>
	path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Doc)[key] : undefined), doc);
const withoutMeta = (doc: Doc): Doc => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));

export interface Edit {
	n: number;
	kind: 'field' | 'create';
	deviceId: string;
	mutationId: string;
	at: string;
	docId: string;
	caseId: string;
	path: readonly string[];
	value?: unknown;
	/** The value the device showed before this edit: the edit knowingly replaced it. */
	from?: unknown;
}

/** What the server holds, read straight from its store. */
export interface ServerState {
	docs: Map<string, Doc>;
	/** Audit lines of changes, by `deviceId|deviceTime`. */
	auditLines: Map<string, number>;
	assigned(userId: string): string[];
	conflictsOf(docId: string, caseId: string): ConflictEntry[];
}

export async function readServerState(couch: Couch, caseIds: readonly string[]): Promise<ServerState> {
	const list = await couch.dbs.records.list({ include_docs: true });
	const docs = new Map(list.rows.filter((row) => row.doc).map((row) => [row.id, row.doc as Doc]));
	const audit = (await Promise.all(caseIds.map((c) => auditLog(couch).forCase(c)))).flat();
	const auditLines = new Map<string, number>();
	for (const line of audit) if (line.action !== 'read' && line.deviceId && line.deviceTime) auditLines.set(`${line.deviceId}|${line.deviceTime}`, (auditLines.get(`${line.deviceId}|${line.deviceTime}`) ?? 0) + 1);
	const assignments = (await couch.dbs.accounts.list({ startkey: 'assign:', endkey: 'assign:\ufff0' })).rows.map((row) => row.id.split(':'));
	return {
		docs,
		auditLines,
		assigned: (userId) => assignments.filter(([, user]) => user === userId).map(([, , caseId]) => caseId!),
		conflictsOf: (docId, caseId) => (docs.get(conflictsIdOf(docId, caseId)) as ConflictsDoc | undefined)?.entries ?? []
	};
}

/** Exactly once: one audit line and a finished log, or filed for the coordinator (never both). */
export function checkOnce(edits: readonly Edit[], server: ServerState): { problems: string[]; filed: Set<Edit> } {
	const problems: string[] = [];
	const filed = new Set<Edit>();
	for (const edit of edits) {
		const lines = server.auditLines.get(`${edit.deviceId}|${edit.at}`) ?? 0;
		const log = server.docs.get(`mutation:${edit.deviceId}:${edit.mutationId}`) as MutationLogDoc | undefined;
		if (server.docs.has(`filed:${edit.caseId}:${edit.deviceId}:${edit.mutationId}`)) {
			filed.add(edit);
			if (lines !== 0 || log?.state !== 'filed') problems.push(`#${edit.n} was filed, yet has ${lines} audit lines and log ${log?.state ?? 'missing'}`);
		} else if (lines !== 1 || log?.state !== 'done') {
			problems.push(`#${edit.n} (${edit.deviceId} ${edit.docId} ${edit.path.join('.')}): ${lines} audit lines, log ${log?.state ?? 'missing'}`);
		}
	}
	return { problems, filed };
}

/** No value lost: the field's final value, kept in a conflict entry, or replaced by an edit made on top of it. */
export function checkNothingLost(edits: readonly Edit[], filed: Set<Edit>, server: ServerState): string[] {
	const lost: string[] = [];
	const applied = edits.filter((e) => !filed.has(e));
	for (const edit of applied) {
		const stored = server.docs.get(edit.docId);
		if (!stored) {
			lost.push(`#${edit.n}: ${edit.docId} is not on the server`);
			continue;
		}
		if (edit.kind === 'create' || isDeepStrictEqual(getAt(stored, edit.path), edit.value)) continue;
		const conflicts = server.conflictsOf(edit.docId, edit.caseId);
		if (conflicts.some((c) => isDeepStrictEqual(c.path, [...edit.path]) && c.values.some((v) => isDeepStrictEqual(v.value, edit.value)))) continue;
		if (applied.some((e) => e !== edit && e.docId === edit.docId && isDeepStrictEqual(e.path, edit.path) && isDeepStrictEqual(e.from, edit.value))) continue;
		lost.push(`#${edit.n} (${edit.deviceId}) ${edit.docId} ${edit.path.join('.')} = ${JSON.stringify(edit.value)}; server has ${JSON.stringify(getAt(stored, edit.path))}, conflicts ${JSON.stringify(conflicts)}`);
	}
	return lost;
}

export interface Held {
	deviceId: string;
	/** Cases the device may hold: every case for the coordinator's desk, else the user's assignments. */
	allowed: string[];
	snapshot: DeviceSnapshot & { caseList?: string[] };
}

/** Every device holds exactly the server's state of the cases it may hold, and no other case. */
export function checkConverged(devices: readonly Held[], server: ServerState): string[] {
	const divergent: string[] = [];
	for (const { deviceId, allowed, snapshot: snap } of devices) {
		const held = new Set([...snap.heldCases, ...snap.records.flatMap((r) => (r.caseId ? [r.caseId] : [])), ...(snap.caseList ?? [])]);
		for (const caseId of held) if (!allowed.includes(caseId)) divergent.push(`${deviceId} holds ${caseId}, which it may not`);
		for (const caseId of allowed) if (!held.has(caseId)) divergent.push(`${deviceId} lacks ${caseId}`);
		if (snap.outbox > 0) divergent.push(`${deviceId} still has ${snap.outbox} outbox entries`);
		for (const caseId of held) {
			const onServer = [...server.docs.keys()].filter((id) => (id === caseDocId(caseId) || id.startsWith(`${caseDocId(caseId)}:`)) && !isConflictsDoc(id, caseId));
			const onDevice = new Map(snap.records.filter((r) => r.caseId === caseId).map((r) => [r.docId, r]));
			for (const id of onServer) {
				const mine = onDevice.get(id);
				const theirs = server.docs.get(id)!;
				if (!mine) divergent.push(`${deviceId} lacks ${id}`);
				else if (!isDeepStrictEqual(mine.record, withoutMeta(theirs))) divergent.push(`${deviceId} ${id}: device ${JSON.stringify(mine.record)} ≠ server ${JSON.stringify(withoutMeta(theirs))}`);
				else if (mine.copy?.rev !== theirs._rev) divergent.push(`${deviceId} ${id}: device rev ${mine.copy?.rev} ≠ server ${String(theirs._rev)}`);
				else if (!isDeepStrictEqual(mine.copy?.conflicts, server.conflictsOf(id, caseId))) divergent.push(`${deviceId} ${id}: device conflicts ${JSON.stringify(mine.copy?.conflicts)} ≠ server ${JSON.stringify(server.conflictsOf(id, caseId))}`);
			}
			for (const id of onDevice.keys()) if (!onServer.includes(id)) divergent.push(`${deviceId} holds ${id}, which the server does not`);
		}
	}
	return divergent;
}

export function conflictsKept(server: ServerState, caseIds: readonly string[]): number {
	return [...server.docs.entries()].filter(([id]) => caseIds.some((c) => isConflictsDoc(id, c))).reduce((sum, [, doc]) => sum + ((doc as unknown as ConflictsDoc).entries?.length ?? 0), 0);
}
