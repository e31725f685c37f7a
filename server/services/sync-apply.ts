import { authorshipProblems } from '../../src/lib/domain/authorship.js';
import { parseRecord, SUPPORTED_VERSIONS, isRecordType } from '../../src/lib/domain/records.js';
import type { FieldProblem } from '../../src/lib/domain/validation.js';
import type { ConflictEntry } from '../../src/lib/protocol/sync-conflict.js';
import type { Mutation, MutationResult, PushFailureCode } from '../../src/lib/protocol/sync.js';
import { isFrozen } from '../../src/lib/sync/merge/merge-record.js';
import { changeSides, mergeMutation } from '../../src/lib/sync/merge/record-changes.js';
import { sameValue } from '../../src/lib/sync/merge/values.js';
import { OFFICE_CASE_FIELDS } from '../auth/access-policy.js';
import type { Db } from '../store/documents.js';
import { withoutCouchFields } from './case-store.js';
import { conflictsDocId, recordDocId, type ConflictsDoc } from './sync-documents.js';

export type StoredDoc = Record<string, unknown> & { _id: string; _rev: string };
export interface ApplyContext {
	db: Db;
	userId: string;
	/** Kept with each value in a conflict, so the person choosing sees whose it is. */
	userName?: string;
	/** Facilitators may not change who works on a case or close it; the office does that. */
	officeFieldsAllowed: boolean;
	now: Date;
}
/** The result to answer. */
export interface Applied {
	result: MutationResult;
	/** When the change was first claimed, by this request or an earlier try: its audit line's time on every try. */
	claimedAt?: string;
}

const rejected = (m: Mutation, code: PushFailureCode, message: string, fields: FieldProblem[] = []): MutationResult => ({
	status: 'rejected', mutationId: m.mutationId, code, message, fields
});

/** Whether a change makes its record (nothing it names was there before): audited as a creation, also when a retry finishes it. */
export const makesRecord = (m: Mutation): boolean => Object.values(m.changes).every((change) => !('from' in change));

/** Checks that are the same on every attempt: what the change may touch at all. */
function refusal(m: Mutation, stored: StoredDoc | undefined, context: ApplyContext): MutationResult | undefined {
	if (!stored && !makesRecord(m)) return rejected(m, 'record-not-found', 'This record is not on the server; it cannot be changed.');
	if (!stored && m.recordType === 'case') return rejected(m, 'forbidden', 'Cases are opened by a coordinator in the office.', [{ path: 'type', message: 'Cases are opened by a coordinator' }]);
	if (stored && isRecordType(stored.type) && !SUPPORTED_VERSIONS[stored.type].includes(Number(stored.v)))
		return rejected(m, 'newer-version', 'A newer version of Tandem wrote this record; update the app to change it.');
	const office = m.recordType === 'case' && !context.officeFieldsAllowed ? Object.keys(m.changes).filter((f) => OFFICE_CASE_FIELDS.includes(f)) : [];
	if (office.length > 0) return rejected(m, 'forbidden', 'Only a coordinator changes this.', office.map((path) => ({ path, message: 'Only a coordinator changes this' })));
	return undefined;
}

/** The merged record must still be the record the change names: same type, id and case. */
function identityProblems(m: Mutation, record: Record<string, unknown>): FieldProblem[] {
	const wanted: Record<string, unknown> = { type: m.recordType, id: m.recordType === 'case' ? m.caseId : m.recordId, ...(m.caseId && m.recordType !== 'case' ? { caseId: m.caseId } : {}) };
	if (m.recordType === 'case' && m.recordId !== m.caseId) return [{ path: 'recordId', message: "A case record's id is its case id" }];
	return Object.entries(wanted).filter(([field, value]) => record[field] !== value).map(([path]) => ({ path, message: 'This does not match the record the change names' }));
}

/** What a pushed change does to its record as read: an answer that writes nothing, or the documents to write. */
export type Plan =
	| { kind: 'answer'; result: MutationResult }
	| {
			kind: 'write';
			record: Record<string, unknown>;
			conflicts: ConflictEntry[];
			conflictsDoc: ConflictsDoc;
			conflictsChanged: boolean;
			recordChanged: boolean;
			/** The answer once the record stands at `rev` (the revision written, or the one read when nothing changed). */
			finish: (rev: string) => Applied;
	  };

/**
 * Plans one pushed change against the record and its conflicts as read: merge the change
 * three-way (`mergeMutation`), validate the result with the domain schema, and say what to write.
 * The caller writes with the revisions read; another writer in between makes a write 409, and then
 * the caller reads again and plans again, so no one's change is lost. Nothing is written for a
 * refused change. The caller has already checked the mutation log and the caller's access.
 */
export function planChange(context: ApplyContext, m: Mutation, stored: StoredDoc | undefined, conflictsDoc: ConflictsDoc | undefined): Plan {
	const answer = (result: MutationResult): Plan => ({ kind: 'answer', result });
	const [docId, conflictsId] = [recordDocId(m), conflictsDocId(m)];
	const refused = refusal(m, stored, context);
	if (refused) return answer(refused);
	const storedRecord = stored ? withoutCouchFields(stored) : undefined;
	const storedConflicts = conflictsDoc?.entries ?? [];
	const merged = mergeMutation(storedRecord, storedConflicts, { ...m, userId: context.userId, ...(context.userName ? { userName: context.userName } : {}) });
	if (!merged.ok) {
		const frozen = stored && isRecordType(m.recordType) && isFrozen(m.recordType, storedRecord);
		const fields = merged.fields.map((path) => ({ path, message: frozen ? 'This record is final and can no longer change' : 'This cannot change once written' }));
		return answer(frozen ? rejected(m, 'record-frozen', 'This record is final; the change was not made.', fields) : rejected(m, merged.code, 'Part of this change is not allowed; nothing was changed.', fields));
	}
	const identity = identityProblems(m, merged.record);
	if (identity.length > 0) return answer(rejected(m, 'invalid-record', 'The change does not match its record.', identity));
	const parsed = parseRecord(merged.record);
	if (!parsed.ok) {
		const code = parsed.problems.some((p) => p.path === 'v') ? 'newer-version' : 'invalid-record';
		return answer(rejected(m, code, 'The record would not be valid after this change; nothing was changed.', parsed.problems));
	}
	const record = parsed.value as unknown as Record<string, unknown>;
	// Authorship comes from the session, never from the device: a change may name only its sender.
	const authors = authorshipProblems(storedRecord, record, context.userId, m.resolves?.map((r) => r.path.join('.')));
	if (authors.length > 0) return answer(rejected(m, 'forbidden', 'This change names someone else as the person who did it; nothing was changed.', authors));
	const conflictsChanged = !sameValue(storedConflicts, merged.conflicts);
	const conflicts = merged.conflicts as ConflictEntry[];
	return {
		kind: 'write',
		record,
		conflicts,
		conflictsDoc: { ...conflictsDoc, _id: conflictsId, type: 'conflicts', v: 1, recordDocId: docId, entries: conflicts },
		conflictsChanged,
		// A record is written again when only its conflicts changed, so its new revision tells a pull to send both.
		recordChanged: !stored || !sameValue(storedRecord, record) || conflictsChanged,
		finish: (rev) => {
			const incoming = changeSides(storedRecord, m.changes).incoming;
			const asSent = m.baseRev === stored?._rev && sameValue(incoming, record) && !conflictsChanged;
			const result: MutationResult = asSent ? { status: 'applied', mutationId: m.mutationId, rev } : { status: 'merged', mutationId: m.mutationId, rev, record, conflicts };
			return { result };
		}
	};
}
