import { belongsToCase, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { SERVICE_RECORD_TYPES } from '../../src/lib/domain/records.js';
import type { HeldVersion, PullRequest, PullResponse } from '../../src/lib/protocol/sync-pull.js';
import { decideHold } from '../auth/access-policy.js';
import type { Actor } from '../auth/authenticate.js';
import { docsOf, listRanges, queryAllDocs, type KeyRange, type ListedRow } from '../store/all-docs-queries.js';
import type { Db } from '../store/documents.js';
import type { Services } from './services.js';
import { readCheckpoint, versionHash, type Version } from './sync-checkpoint.js';
import { retiredCaseId } from './record-removal.js';
import { fetchDocs, isConflictsDoc } from './sync-documents.js';

export type { Version } from './sync-checkpoint.js';
/**
 * One case (or the service-wide records): what it holds now, what the device had of it, and what
 * this pull has sent so far. `checkpoint` is the last one the device was given.
 */
export interface Source { caseId?: string; checkpoint?: string; held: Set<string>; versions: Version[]; wanted: Version[]; sent: Version[] }

/** What a pull will send: listed once, then paged out (one page per request, or many in a stream). */
export interface PullPlan { sources: Source[]; purges: PullResponse['purges'] }

const versionsOf = (rows: readonly ListedRow[], keep: (id: string) => boolean): Version[] =>
	rows.filter((row) => keep(row.id)).map((row) => ({ id: row.id, rev: row.value.rev, hash: versionHash(row.id, row.value.rev) }));

/** A case's records: its key range, less other cases whose ids it prefixes and less the conflicts documents. */
const caseVersions = (caseId: string, rows: readonly ListedRow[]) => versionsOf(rows, (id) => belongsToCase(id, caseId) && !isConflictsDoc(id, caseId));

const SERVICE_RANGES: KeyRange[] = SERVICE_RECORD_TYPES.map((type) => ({ startkey: `${type}:`, endkey: `${type}:\ufff0` }));

type CaseDoc = { type?: string; status?: string };

/**
 * The held cases' documents, their key ranges and any `extra` ranges, in one store request: the
 * ranges are listed before the access checks, and a case the caller may not keep is dropped unread.
 */
async function readHeld(services: Services, heldIds: string[], extra: KeyRange[]): Promise<{ caseDocs: Map<string, CaseDoc>; ranges: ListedRow[][]; extra: ListedRow[][] }> {
	const queries = [...(heldIds.length > 0 ? [{ keys: heldIds.map(caseDocId), include_docs: true as const }] : []), ...heldIds.map(caseRecordRange), ...extra];
	const rows = queries.length > 0 ? await queryAllDocs(services.couch, 'records', queries) : [];
	const at = heldIds.length > 0 ? 1 : 0;
	return { caseDocs: docsOf<CaseDoc>(heldIds.length > 0 ? rows[0]! : []), ranges: rows.slice(at, at + heldIds.length), extra: rows.slice(at + heldIds.length) };
}

/** Which cases the device keeps and which it must purge, by the access policy. */
function sortCases(actor: Actor, held: Map<string, string | undefined>, assigned: Set<string>, caseDocs: Map<string, CaseDoc>) {
	const kept: string[] = [];
	const purges: PullResponse['purges'] = [];
	for (const caseId of [...new Set([...held.keys(), ...assigned])].sort()) {
		const doc = caseDocs.get(caseDocId(caseId));
		const reason = decideHold(actor.roles, { exists: doc?.type === 'case', open: doc?.status === 'open', assigned: assigned.has(caseId) });
		if (reason === undefined) kept.push(caseId);
		else if (held.has(caseId)) purges.push({ caseId, reason });
	}
	return { kept, purges };
}

/** A held case that retention removed whole is purged "retention"; only cases that are gone are looked up. */
async function retiredReasons(db: Db, purges: PullResponse['purges'], caseDocs: Map<string, unknown>): Promise<PullResponse['purges']> {
	const gone = purges.filter((p) => !caseDocs.has(caseDocId(p.caseId))).map((p) => retiredCaseId(p.caseId));
	const retired = await fetchDocs<{ caseId: string }>(db, gone);
	return purges.map((p) => (retired.has(retiredCaseId(p.caseId)) ? { caseId: p.caseId, reason: 'retention' as const } : p));
}

/** What the device holds of a case: the versions its checkpoint names, and those it says its push just stored. */
function source(caseId: string | undefined, checkpoint: string | undefined, versions: Version[], holds: readonly HeldVersion[] = []): Source {
	const held = readCheckpoint(checkpoint);
	for (const { docId, rev } of holds) held.add(versionHash(docId, rev));
	return { ...(caseId === undefined ? {} : { caseId }), ...(checkpoint === undefined ? {} : { checkpoint }), held, versions, wanted: versions.filter((v) => !held.has(v.hash)), sent: [] };
}

/**
 * Lists each held case by key range (ids and revisions only, no index needed on either store)
 * with the held cases' documents and the service-wide records if asked, in one store request made
 * beside the caller's assignments; then a newly assigned case's document, and its range once the
 * access policy keeps it. Notes the versions each checkpoint does not name. Cost: the caller's
 * cases, never the service's.
 */
export async function planPull(services: Services, actor: Actor, request: PullRequest): Promise<PullPlan> {
	const cached = request.service ? services.serviceListing.fresh(Date.now()) : undefined;
	const listService = cached !== undefined && cached.value === undefined;
	const held = new Map(request.cases.map((c) => [c.caseId, c.checkpoint]));
	const heldIds = [...held.keys()];
	const [assignedIds, first] = await Promise.all([
		actor.roles.includes('facilitator') ? services.accounts.assignedCaseIds(actor.user.id) : [],
		readHeld(services, heldIds, listService ? SERVICE_RANGES : [])
	]);
	const assigned = new Set(assignedIds);
	const newlyAssigned = assignedIds.filter((id) => !held.has(id)).map(caseDocId);
	const caseDocs = new Map([...first.caseDocs, ...(await fetchDocs<CaseDoc>(services.couch.dbs.records, newlyAssigned))]);
	const { kept, purges } = sortCases(actor, held, assigned, caseDocs);
	const rowsOf = new Map(heldIds.map((caseId, i) => [caseId, first.ranges[i]!]));
	const late = kept.filter((caseId) => !rowsOf.has(caseId));
	const [lateRows, purged] = await Promise.all([listRanges(services.couch, 'records', late.map(caseRecordRange)), retiredReasons(services.couch.dbs.records, purges, caseDocs)]);
	lateRows.forEach((rows, i) => rowsOf.set(late[i]!, rows));
	const holds = new Map(request.cases.map((c) => [c.caseId, c.holds]));
	const sources = kept.map((caseId) => source(caseId, held.get(caseId), caseVersions(caseId, rowsOf.get(caseId)!), holds.get(caseId)));
	if (request.service && cached) {
		const service = cached.value ?? versionsOf(first.extra.flat(), () => true);
		if (listService) services.serviceListing.keep(service, cached.token, Date.now());
		sources.push(source(undefined, request.service.checkpoint, service, request.service.holds));
	}
	return { sources, purges: purged };
}
