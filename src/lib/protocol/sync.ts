import * as v from 'valibot';
import { caseId, isoDateTime, recordId } from '../domain/fields.js';
import { RECORD_TYPES, SERVICE_RECORD_TYPES, type RecordType } from '../domain/records.js';
import type { FieldProblem } from '../domain/validation.js';
import { deviceIdSchema } from './auth.js';
import { conflictEntrySchema, conflictResolutionSchema } from './sync-conflict.js';

export const PUSH_BATCH_LIMIT = 100;

/** Made by the device when the change is saved; a retried batch carries the same ids. */
export const mutationIdSchema = v.pipe(
	v.string('Send the mutation id'),
	v.regex(/^[A-Za-z0-9-]{8,64}$/, 'A mutation id is 8 to 64 letters, digits or dashes')
);

/** A CouchDB `_rev`, opaque to the device. */
export const revisionSchema = v.pipe(v.string('Send the revision'), v.minLength(1, 'Send the revision'), v.maxLength(200, 'This is not a revision'));

/**
 * One field's change. `from` is the value the change was made on, so the server can merge
 * against the common ancestor without keeping old revisions. A missing key means "absent".
 */
export const fieldChangeSchema = v.strictObject({ from: v.optional(v.unknown()), to: v.optional(v.unknown()) });
export type FieldChange = v.InferOutput<typeof fieldChangeSchema>;

const fieldName = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'This is not a field name'));

export const fieldChangesSchema = v.pipe(
	v.record(fieldName, fieldChangeSchema),
	v.check((changes) => Object.keys(changes).length > 0, 'Send at least one changed field')
);
export type FieldChanges = v.InferOutput<typeof fieldChangesSchema>;

const needsCase = (type: RecordType) => !SERVICE_RECORD_TYPES.includes(type);

export const mutationSchema = v.pipe(
	v.strictObject({
		mutationId: mutationIdSchema,
		recordId,
		recordType: v.picklist(RECORD_TYPES, 'This is not a kind of record Tandem knows'),
		/** Absent only for service-wide records (professionals, establishments, templates). */
		caseId: v.optional(caseId),
		/** The revision the change was made on; absent when the record is new. */
		baseRev: v.optional(revisionSchema),
		changes: fieldChangesSchema,
		/** Conflicts this change settles: the chosen value is in `changes`. */
		resolves: v.optional(v.array(conflictResolutionSchema)),
		deviceTime: isoDateTime,
		deviceId: deviceIdSchema
	}),
	v.forward(
		v.check((m) => needsCase(m.recordType) === (m.caseId !== undefined), 'A case record names its case; a service record names none'),
		['caseId']
	)
);
export type Mutation = v.InferOutput<typeof mutationSchema>;

/** Mutations in outbox order: the server applies them in this order, one case at a time. */
export const pushRequestSchema = v.strictObject({
	mutations: v.pipe(
		v.array(mutationSchema),
		v.minLength(1, 'Send at least one change'),
		v.maxLength(PUSH_BATCH_LIMIT, `Send at most ${PUSH_BATCH_LIMIT} changes at a time`),
		v.check((list) => new Set(list.map((m) => m.mutationId)).size === list.length, 'Send each mutation once')
	)
});
export type PushRequest = v.InferOutput<typeof pushRequestSchema>;

/** Why a change was refused; the UI words each one. Unknown codes from a newer server are shown generically. */
export const PUSH_FAILURE_CODES = ['invalid-record', 'record-not-found', 'immutable-field-changed', 'record-frozen', 'record-type-mismatch', 'newer-version', 'forbidden'] as const;
export type PushFailureCode = (typeof PUSH_FAILURE_CODES)[number];

const fieldProblemSchema = v.strictObject({ path: v.string(), message: v.string() }) satisfies v.GenericSchema<FieldProblem>;
const acknowledged = { mutationId: mutationIdSchema, rev: revisionSchema };

export const mutationResultSchema = v.variant('status', [
	/** Written on the base revision the device had. */
	v.strictObject({ status: v.literal('applied'), ...acknowledged }),
	/** Seen before (a retried batch): nothing written again; `rev` is what the first time made. */
	v.strictObject({ status: v.literal('duplicate'), ...acknowledged }),
	/** The base was stale and the change was merged field by field; `record` is the result to keep. */
	v.strictObject({
		status: v.literal('merged'),
		...acknowledged,
		record: v.record(v.string(), v.unknown()),
		conflicts: v.array(conflictEntrySchema)
	}),
	/** Not written. The device keeps the change visible with the reason until a person acts. */
	v.strictObject({
		status: v.literal('rejected'),
		mutationId: mutationIdSchema,
		code: v.string(),
		message: v.string(),
		fields: v.array(fieldProblemSchema)
	}),
	/** The case is no longer this facilitator's; the change was kept on the server for the coordinator. */
	v.strictObject({ status: v.literal('filed'), mutationId: mutationIdSchema, code: v.literal('case-not-accessible') })
]);
export type MutationResult = v.InferOutput<typeof mutationResultSchema>;

export const pushResponseSchema = v.strictObject({
	/** One per mutation sent, in the same order. */
	results: v.array(mutationResultSchema),
	serverTime: isoDateTime
});
export type PushResponse = v.InferOutput<typeof pushResponseSchema>;
