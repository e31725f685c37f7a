import { caseChildDocId, caseDocId, serviceDocId } from '../../src/lib/domain/ids.js';
import type { ConflictEntry } from '../../src/lib/protocol/sync-conflict.js';
import type { Mutation, MutationResult } from '../../src/lib/protocol/sync.js';
import type { Db } from '../store/documents.js';

/**
 * Where sync keeps things in the records database:
 * - a record: `case:<caseId>` / `case:<caseId>:<type>:<id>`, or `<type>:<id>` for service records;
 * - its conflicts: `case:<caseId>:conflicts:<type>:<id>` (`conflicts:<type>:<id>` for service
 *   records), a sibling in the case's key range. The type is part of the id because record ids are
 *   unique per type only: two records of one case may share an id and must not share conflicts;
 * - the mutation log: `mutation:<deviceId>:<mutationId>`, outside every case range;
 * - filed changes: `filed:<caseId>:<deviceId>:<mutationId>`, outside the case range, so no
 *   facilitator's pull carries them; coordinators read them by key range.
 */
export const recordDocId = (m: Pick<Mutation, 'recordType' | 'recordId' | 'caseId'>): string =>
	m.caseId === undefined
		? serviceDocId(m.recordType, m.recordId)
		: m.recordType === 'case'
			? caseDocId(m.caseId)
			: caseChildDocId(m.caseId, m.recordType, m.recordId);

export const conflictsDocId = (m: Pick<Mutation, 'recordType' | 'recordId' | 'caseId'>): string =>
	m.caseId === undefined ? `conflicts:${m.recordType}:${m.recordId}` : caseChildDocId(m.caseId, 'conflicts', `${m.recordType}:${m.recordId}`);

/** The conflicts document id for a record's document id, read from the id alone (see recordDocId). */
export function conflictsIdOf(docId: string, caseId?: string): string {
	if (caseId === undefined) return `conflicts:${docId}`;
	return docId === caseDocId(caseId) ? conflictsDocId({ recordType: 'case', recordId: caseId, caseId }) : caseChildDocId(caseId, 'conflicts', docId.slice(`case:${caseId}:`.length));
}

export const isConflictsDoc = (docId: string, caseId?: string): boolean =>
	caseId === undefined ? docId.startsWith('conflicts:') : docId.startsWith(`case:${caseId}:conflicts:`);

export const mutationLogId = (m: Pick<Mutation, 'deviceId' | 'mutationId'>) => `mutation:${m.deviceId}:${m.mutationId}`;
export const filedPrefix = (caseId: string) => `filed:${caseId}:`;
export const filedDocId = (caseId: string, m: Pick<Mutation, 'deviceId' | 'mutationId'>) => `${filedPrefix(caseId)}${m.deviceId}:${m.mutationId}`;

export interface ConflictsDoc {
	_id: string;
	_rev?: string;
	type: 'conflicts';
	v: 1;
	recordDocId: string;
	entries: ConflictEntry[];
}

/**
 * One per pushed change. Claimed (`pending`) just before the first write and marked `done` with
 * the result after the last, so a retry of a finished change is answered `duplicate` and writes
 * nothing; a `pending` one (the process died mid-way, or a copy of the request is in flight) is
 * merged again, which is safe: the same change merged twice changes nothing the second time.
 */
export interface MutationLogDoc {
	_id: string;
	_rev?: string;
	type: 'mutation-log';
	v: 1;
	state: 'pending' | 'done' | 'filed';
	userId: string;
	recordDocId: string;
	rev?: string;
	status?: MutationResult['status'];
	serverTime: string;
}

/** A change kept for the coordinator because its author no longer had the case. */
export interface FiledDoc {
	_id: string;
	type: 'filed-change';
	v: 1;
	caseId: string;
	userId: string;
	mutation: Mutation;
	serverTime: string;
}

/** Several documents by id in one request; missing and deleted ones are left out. */
export async function fetchDocs<T>(db: Db, ids: readonly string[]): Promise<Map<string, T>> {
	const found = new Map<string, T>();
	if (ids.length === 0) return found;
	const result = await db.fetch({ keys: [...new Set(ids)] });
	for (const row of result.rows) if ('doc' in row && row.doc) found.set(row.doc._id, row.doc as unknown as T);
	return found;
}
