import { belongsToCase, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { SERVICE_RECORD_TYPES } from '../../src/lib/domain/records.js';
import type { AuditEntry } from '../../src/lib/protocol/audit.js';
import type { PulledRecord, PullRequest, PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { decideHold } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import type { Db } from '../store/documents.js';
import { auditEntry } from './audit-log.js';
import type { Services } from './services.js';
import { readCheckpoint, versionHash, writeCheckpoint } from './sync-checkpoint.js';
import { conflictsIdOf, fetchDocs, isConflictsDoc, type ConflictsDoc } from './sync-documents.js';

export const DEFAULT_PULL_LIMIT = 500;
/** Key-range reads in flight at once for one pull: enough to hide latency, not enough to crowd the store. */
const READS_IN_FLIGHT = 8;

interface Version { id: string; rev: string }
/** One case (or the service-wide records): what it holds now, and what the device has of it. */
interface Source { caseId?: string; held: Set<string>; checkpoint?: string; versions: Version[] }

async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let at = 0; at < items.length; at += size) results.push(...(await Promise.all(items.slice(at, at + size).map(each))));
	return results;
}

/** Ids and revisions only (no bodies) of one key range: cheap, and needs no index on either store. */
async function versionsIn(db: Db, startkey: string, endkey: string, keep: (id: string) => boolean): Promise<Version[]> {
	const result = await db.list({ startkey, endkey });
	return result.rows.filter((row) => keep(row.id)).map((row) => ({ id: row.id, rev: row.value.rev }));
}

/** A case's records: its key range, less other cases whose ids it prefixes and less the conflicts documents. */
const caseVersions = (db: Db, caseId: string) =>
	versionsIn(db, caseRecordRange(caseId).startkey, caseRecordRange(caseId).endkey, (id) => belongsToCase(id, caseId) && !isConflictsDoc(id, caseId));

async function serviceVersions(db: Db): Promise<Version[]> {
	const ranges = await Promise.all(SERVICE_RECORD_TYPES.map((type) => versionsIn(db, `${type}:`, `${type}:\ufff0`, () => true)));
	return ranges.flat();
}

/** Which held cases stay on the device and which it must purge, by the access policy. */
async function sortCases(services: Services, actor: Actor, request: PullRequest) {
	const held = new Map(request.cases.map((c) => [c.caseId, c.checkpoint]));
	const assigned = new Set(actor.roles.includes('facilitator') ? await services.accounts.assignedCaseIds(actor.user.id) : []);
	const candidates = [...new Set([...held.keys(), ...assigned])].sort();
	const caseDocs = await fetchDocs<{ type?: string; status?: string }>(services.couch.dbs.records, candidates.map(caseDocId));
	const kept: string[] = [];
	const purges: PullResponse['purges'] = [];
	for (const caseId of candidates) {
		const doc = caseDocs.get(caseDocId(caseId));
		const reason = decideHold(actor.roles, { exists: doc?.type === 'case', open: doc?.status === 'open', assigned: assigned.has(caseId) });
		if (reason === undefined) kept.push(caseId);
		else if (held.has(caseId)) purges.push({ caseId, reason });
	}
	return { kept, purges, held };
}

/**
 * One page of a pull. Each held case is listed by key range (ids and revisions only), the versions
 * its checkpoint does not name are sent, up to `limit` records, and each touched case gets a new
 * checkpoint naming what the device now holds. Cost: the caller's cases, never the service.
 */
export async function pullPage(services: Services, actor: Actor, request: PullRequest, now: Date): Promise<PullResponse> {
	const db = services.couch.dbs.records;
	const { kept, purges, held } = await sortCases(services, actor, request);
	const sources: Source[] = await inBatches(kept, READS_IN_FLIGHT, async (caseId) => ({
		caseId, checkpoint: held.get(caseId), held: readCheckpoint(held.get(caseId)), versions: await caseVersions(db, caseId)
	}));
	if (request.service) sources.push({ checkpoint: request.service.checkpoint, held: readCheckpoint(request.service.checkpoint), versions: await serviceVersions(db) });

	const limit = request.limit ?? DEFAULT_PULL_LIMIT;
	const wanted = sources.map((source) => source.versions.filter((v) => !source.held.has(versionHash(v.id, v.rev))));
	const page: { source: Source; id: string }[] = [];
	sources.forEach((source, i) => {
		for (const version of wanted[i]!) if (page.length < limit) page.push({ source, id: version.id });
	});
	const docs = await fetchDocs<Record<string, unknown> & { _id: string; _rev: string }>(db, page.flatMap(({ source, id }) => [id, conflictsIdOf(id, source.caseId)]));

	const records: PulledRecord[] = [];
	const sent = new Map<Source, Version[]>();
	for (const { source, id } of page) {
		const doc = docs.get(id);
		if (!doc) continue; // removed since it was listed
		const { _id, _rev, ...record } = doc;
		const conflicts = (docs.get(conflictsIdOf(id, source.caseId)) as unknown as ConflictsDoc | undefined)?.entries ?? [];
		records.push({ docId: _id, ...(source.caseId ? { caseId: source.caseId } : {}), rev: _rev, record, conflicts });
		sent.set(source, [...(sent.get(source) ?? []), { id: _id, rev: _rev }]);
	}

	const checkpoints: PullResponse['checkpoints'] = { cases: {} };
	let [done, total] = [0, 0];
	for (const source of sources) {
		// What the device holds after this page: versions it had that still stand, and those just sent. Stale ones drop out.
		const holds = source.versions.filter((v) => source.held.has(versionHash(v.id, v.rev))).concat(sent.get(source) ?? []);
		const next = writeCheckpoint(holds.map((v) => versionHash(v.id, v.rev)));
		const heldIds = new Set(holds.map((v) => v.id));
		done += source.versions.filter((v) => heldIds.has(v.id)).length;
		total += source.versions.length;
		if (next === source.checkpoint) continue;
		if (source.caseId) checkpoints.cases[source.caseId] = next;
		else checkpoints.service = next;
	}

	// Records leaving the server for a device are a read of the case: one line per case per page.
	const audit: AuditEntry[] = [...sent.keys()].flatMap((source) => (source.caseId ? [auditEntry(actor, source.caseId, 'read', now)] : []));
	await services.audit.append(audit);
	const remaining = wanted.reduce((sum, list) => sum + list.length, 0) - page.length;
	return { records, deletions: [], purges, checkpoints, done: remaining <= 0, progress: { done, total }, serverTime: now.toISOString() };
}
