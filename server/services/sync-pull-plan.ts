import { belongsToCase, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { SERVICE_RECORD_TYPES } from '../../src/lib/domain/records.js';
import type { PullRequest, PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { decideHold } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import { listRanges, type KeyRange, type ListedRow } from '../store/all-docs-queries.js';
import type { Db } from '../store/documents.js';
import type { Services } from './services.js';
import { readCheckpoint, versionHash } from './sync-checkpoint.js';
import { retiredCaseId } from './record-removal.js';
import { fetchDocs, isConflictsDoc } from './sync-documents.js';

/** Key-range reads in flight at once for one pull: enough to hide latency, not enough to crowd the store. */
export const READS_IN_FLIGHT = 8;

export interface Version { id: string; rev: string; hash: string }
/**
 * One case (or the service-wide records): what it holds now, what the device had of it, and what
 * this pull has sent so far. `checkpoint` is the last one the device was given.
 */
export interface Source { caseId?: string; checkpoint?: string; held: Set<string>; versions: Version[]; wanted: Version[]; sent: Version[] }

/** What a pull will send: listed once, then paged out (one page per request, or many in a stream). */
export interface PullPlan { sources: Source[]; purges: PullResponse['purges'] }

export async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let at = 0; at < items.length; at += size) results.push(...(await Promise.all(items.slice(at, at + size).map(each))));
	return results;
}

const versionsOf = (rows: readonly ListedRow[], keep: (id: string) => boolean): Version[] =>
	rows.filter((row) => keep(row.id)).map((row) => ({ id: row.id, rev: row.value.rev, hash: versionHash(row.id, row.value.rev) }));

/** A case's records: its key range, less other cases whose ids it prefixes and less the conflicts documents. */
const caseVersions = (caseId: string, rows: readonly ListedRow[]) => versionsOf(rows, (id) => belongsToCase(id, caseId) && !isConflictsDoc(id, caseId));

const SERVICE_RANGES: KeyRange[] = SERVICE_RECORD_TYPES.map((type) => ({ startkey: `${type}:`, endkey: `${type}:\ufff0` }));

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
	return { kept, purges: await retiredReasons(services.couch.dbs.records, purges, caseDocs), held };
}

/** A held case that retention removed whole is purged "retention"; only cases that are gone are looked up. */
async function retiredReasons(db: Db, purges: PullResponse['purges'], caseDocs: Map<string, unknown>): Promise<PullResponse['purges']> {
	const gone = purges.filter((p) => !caseDocs.has(caseDocId(p.caseId))).map((p) => retiredCaseId(p.caseId));
	const retired = await fetchDocs<{ caseId: string }>(db, gone);
	return purges.map((p) => (retired.has(retiredCaseId(p.caseId)) ? { caseId: p.caseId, reason: 'retention' as const } : p));
}

function source(caseId: string | undefined, checkpoint: string | undefined, versions: Version[]): Source {
	const held = readCheckpoint(checkpoint);
	return { ...(caseId === undefined ? {} : { caseId }), ...(checkpoint === undefined ? {} : { checkpoint }), held, versions, wanted: versions.filter((v) => !held.has(v.hash)), sent: [] };
}

/**
 * Lists each kept case by key range (ids and revisions only, no index needed on either store), and
 * the service-wide records if asked, all in one store request; notes the versions each checkpoint
 * does not name. Cost: the caller's cases, never the service's.
 */
export async function planPull(services: Services, actor: Actor, request: PullRequest): Promise<PullPlan> {
	const { kept, purges, held } = await sortCases(services, actor, request);
	const cached = request.service ? services.serviceListing.fresh(Date.now()) : undefined;
	const listService = cached !== undefined && cached.value === undefined;
	const listed = await listRanges(services.couch, 'records', [...kept.map(caseRecordRange), ...(listService ? SERVICE_RANGES : [])]);
	const sources = kept.map((caseId, i) => source(caseId, held.get(caseId), caseVersions(caseId, listed[i]!)));
	if (request.service && cached) {
		const service = cached.value ?? versionsOf(listed.slice(kept.length).flat(), () => true);
		if (listService) services.serviceListing.keep(service, cached.token, Date.now());
		sources.push(source(undefined, request.service.checkpoint, service));
	}
	return { sources, purges };
}
