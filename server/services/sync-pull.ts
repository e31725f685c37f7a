import type { AuditEntry } from '../../src/lib/protocol/audit.js';
import type { PulledRecord, PullRequest, PullResponse } from '../../src/lib/protocol/sync-pull.js';
import type { Actor } from '../auth/authenticate.js';
import { queryAllDocs, type AllDocsQuery, type KeyRange } from '../store/all-docs-queries.js';
import type { Couch } from '../store/couch.js';
import { auditEntry } from './audit-log.js';
import type { Services } from './services.js';
import { versionHash, writeCheckpoint } from './sync-checkpoint.js';
import { conflictsIdOf, type ConflictsDoc } from './sync-documents.js';
import { planPull, type PullPlan, type Source, type Version } from './sync-pull-plan.js';

export const DEFAULT_PULL_LIMIT = 500;

type Doc = Record<string, unknown> & { _id: string; _rev: string };
interface Picked { source: Source; version: Version }

/** The next `limit` versions to send, in case order, from where the last page stopped. */
function pick(plan: PullPlan, cursor: { source: number; at: number }, limit: number): Picked[] {
	const picked: Picked[] = [];
	while (picked.length < limit && cursor.source < plan.sources.length) {
		const source = plan.sources[cursor.source]!;
		const version = source.wanted[cursor.at];
		if (!version) {
			[cursor.source, cursor.at] = [cursor.source + 1, 0];
			continue;
		}
		picked.push({ source, version });
		cursor.at++;
	}
	return picked;
}

/** A case's conflicts documents: one short key range, usually empty. */
const conflictsRange = (caseId: string): KeyRange => ({ startkey: `case:${caseId}:conflicts:`, endkey: `case:${caseId}:conflicts:\ufff0` });

/**
 * Bodies and conflicts of the picked versions, in one store request. Where a case's picked
 * versions lie close together in its key range (a new device's caseload, page by page), that
 * stretch of the range is read with bodies, with the case's conflicts documents; scattered ones
 * (a catch-up's few changes) are read by id, each with its conflicts document.
 */
async function fetchPicked(couch: Couch, picked: Picked[]): Promise<Map<string, Doc>> {
	const bySource = new Map<Source, Picked[]>();
	for (const p of picked) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
	const queries: AllDocsQuery[] = [];
	const keys: string[] = [];
	for (const [source, list] of bySource) {
		const [first, last] = [list[0]!.version, list.at(-1)!.version];
		const span = source.versions.indexOf(last) - source.versions.indexOf(first) + 1;
		if (source.caseId !== undefined && span <= 2 * list.length) {
			queries.push({ startkey: first.id, endkey: last.id, include_docs: true }, { ...conflictsRange(source.caseId), include_docs: true });
		} else keys.push(...list.flatMap(({ version }) => [version.id, conflictsIdOf(version.id, source.caseId)]));
	}
	if (keys.length > 0) queries.push({ keys, include_docs: true });
	const docs = new Map<string, Doc>();
	const rows = queries.length > 0 ? await queryAllDocs(couch, 'records', queries) : [];
	for (const row of rows.flat()) if (row.doc) docs.set(row.doc._id, row.doc);
	return docs;
}

/** Turns fetched versions into a page: records, and each touched case's new checkpoint and progress. */
function pageOf(plan: PullPlan, picked: Picked[], docs: Map<string, Doc>, remaining: number, now: Date): PullResponse {
	const records: PulledRecord[] = [];
	const deletions: PullResponse['deletions'] = [];
	for (const { source, version } of picked) {
		const doc = docs.get(version.id);
		if (!doc) continue; // removed since it was listed
		const { _id, _rev, ...record } = doc;
		source.sent.push(_rev === version.rev ? version : { id: _id, rev: _rev, hash: versionHash(_id, _rev) });
		if (source.caseId && record.type === 'tombstone') {
			// A record removed from the case: sent once, as a deletion; the checkpoint then names the tombstone.
			deletions.push({ docId: String(record.docId), caseId: source.caseId, rev: String(record.deletedRev) });
			continue;
		}
		const conflicts = (docs.get(conflictsIdOf(version.id, source.caseId)) as unknown as ConflictsDoc | undefined)?.entries ?? [];
		records.push({ docId: _id, ...(source.caseId ? { caseId: source.caseId } : {}), rev: _rev, record, conflicts });
	}
	const checkpoints: PullResponse['checkpoints'] = { cases: {} };
	let [done, total] = [0, 0];
	for (const source of plan.sources) {
		// What the device holds after this page: versions it had that still stand, and those sent. Stale ones drop out.
		const standing = source.versions.filter((v) => source.held.has(v.hash));
		const holds = [...standing.map((v) => v.hash), ...source.sent.map((v) => v.hash)];
		const heldIds = new Set([...standing, ...source.sent].map((v) => v.id));
		done += source.versions.filter((v) => heldIds.has(v.id)).length;
		total += source.versions.length;
		const next = writeCheckpoint(holds);
		if (next === source.checkpoint) continue;
		source.checkpoint = next;
		if (source.caseId) checkpoints.cases[source.caseId] = next;
		else checkpoints.service = next;
	}
	return { records, deletions, purges: plan.purges, checkpoints, done: remaining <= 0, progress: { done, total }, serverTime: now.toISOString() };
}

/**
 * Records leaving the server for a device are a read of their case: one line per case, written
 * beside the reading of the bodies and awaited before any of them is sent, so nothing is delivered
 * unrecorded. A case may be recorded and then not sent (the answer cut off): over, never under.
 */
function auditReads(services: Services, actor: Actor, caseIds: Iterable<string | undefined>, now: Date): Promise<void> {
	const lines: AuditEntry[] = [...new Set(caseIds)].flatMap((caseId) => (caseId === undefined ? [] : [auditEntry(actor, caseId, 'read', now)]));
	return services.audit.append(lines);
}

/**
 * One page of a pull. Each held case is listed by key range (ids and revisions only), the versions
 * its checkpoint does not name are sent, up to `limit` records, and each touched case gets a new
 * checkpoint naming what the device now holds. Cost: the caller's cases, never the service.
 */
export async function pullPage(services: Services, actor: Actor, request: PullRequest, now: Date): Promise<PullResponse> {
	const plan = await planPull(services, actor, request);
	const wanted = plan.sources.reduce((sum, s) => sum + s.wanted.length, 0);
	const picked = pick(plan, { source: 0, at: 0 }, request.limit ?? DEFAULT_PULL_LIMIT);
	const [docs] = await Promise.all([fetchPicked(services.couch, picked), auditReads(services, actor, picked.map((p) => p.source.caseId), now)]);
	return pageOf(plan, picked, docs, wanted - picked.length, now);
}

/** Pages whose bodies are read from the store while the current one is made and sent. */
const PAGES_READ_AHEAD = 2;

/**
 * Every page of a pull in one answer: the cases are listed once, and the next pages' bodies are
 * read while this one is on its way (the store is a separate process, and each page's read
 * waits mostly on it). Each page is what `pullPage` would answer at that point, its checkpoints
 * naming everything sent up to it, so a device that stores page by page and loses the connection
 * resumes from the last page it committed.
 */
export async function* pullPages(services: Services, actor: Actor, request: PullRequest, now: Date): AsyncGenerator<PullResponse> {
	const plan = await planPull(services, actor, request);
	let remaining = plan.sources.reduce((sum, s) => sum + s.wanted.length, 0);
	let unpicked = remaining;
	const limit = request.limit ?? DEFAULT_PULL_LIMIT;
	const cursor = { source: 0, at: 0 };
	const queue: { picked: Picked[]; docs: Promise<Map<string, Doc>> }[] = [];
	const readNext = () => {
		const picked = pick(plan, cursor, limit);
		unpicked -= picked.length;
		const docs = fetchPicked(services.couch, picked);
		docs.catch(() => undefined); // awaited in its turn; a failure then ends the answer
		queue.push({ picked, docs });
	};
	// Every case the answer will carry, recorded once while the first page is read; before its first byte.
	const audited = auditReads(services, actor, plan.sources.filter((s) => s.wanted.length > 0).map((s) => s.caseId), now);
	audited.catch(() => undefined); // awaited below; a failure then is the answer's failure
	readNext();
	await audited;
	for (;;) {
		const { picked, docs } = queue.shift()!;
		remaining -= picked.length;
		const page = pageOf(plan, picked, await docs, remaining, now);
		// The pages behind are read once this one is in hand: the first is not slowed by them in the store.
		while (queue.length <= PAGES_READ_AHEAD && unpicked > 0) readNext();
		yield page;
		if (remaining <= 0) return;
	}
}
