import * as v from 'valibot';
import { caseId, isoDateTime } from '../domain/fields.js';
import { deviceIdSchema } from './auth.js';
import { revisionSchema } from './sync.js';
import { conflictEntrySchema } from './sync-conflict.js';

export const PULL_PAGE_LIMIT = 1_000;

/**
 * Where the device is in a case's history. Opaque: CouchDB 3's seqs are strings, not numbers.
 * Up to 64 KiB: the server's checkpoint names the versions a device holds (8 characters each),
 * so a case of a few thousand records still fits. (Was 8 KiB; every shorter string still passes.)
 */
export const CHECKPOINT_MAX_LENGTH = 65_536;
export const checkpointSchema = v.pipe(
	v.string('Send the checkpoint'),
	v.minLength(1, 'Send the checkpoint'),
	v.maxLength(CHECKPOINT_MAX_LENGTH, 'This is not a checkpoint')
);

/** At most this many `holds` a case: more than one round's push stores, and anything left out simply comes back. */
export const HOLDS_PER_CASE = 1_000;

/**
 * Versions the device holds beyond its checkpoint: what this round's push stored as the server has
 * it (applied as sent, or merged), so the pull does not send them back. Only a hint: a version the
 * server no longer has is not named in the next checkpoint, and one it never had names nothing.
 */
export const heldVersionsSchema = v.pipe(
	v.array(v.strictObject({ docId: v.pipe(v.string('Send the document id'), v.minLength(1, 'Send the document id'), v.maxLength(500, 'This is not a document id')), rev: revisionSchema })),
	v.maxLength(HOLDS_PER_CASE, `Send at most ${HOLDS_PER_CASE.toLocaleString('en-GB')} held versions a case`)
);
export type HeldVersion = v.InferOutput<typeof heldVersionsSchema>[number];

export const pullRequestSchema = v.strictObject({
	deviceId: deviceIdSchema,
	/**
	 * Every case the device holds, with how far it has read each one. A case the device does not
	 * hold yet is not listed: the server adds the facilitator's assigned cases itself.
	 */
	cases: v.pipe(
		v.array(v.strictObject({ caseId, checkpoint: v.optional(checkpointSchema), holds: v.optional(heldVersionsSchema) })),
		v.maxLength(2_000, 'Send at most 2,000 cases'),
		v.check((list) => new Set(list.map((c) => c.caseId)).size === list.length, 'List each case once')
	),
	/** Service-wide records (establishments, professionals, templates) have their own checkpoint. */
	service: v.optional(v.strictObject({ checkpoint: v.optional(checkpointSchema), holds: v.optional(heldVersionsSchema) })),
	limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(PULL_PAGE_LIMIT, `Ask for at most ${PULL_PAGE_LIMIT} records a page`)))
});
export type PullRequest = v.InferOutput<typeof pullRequestSchema>;

/** A record as stored, with its revision and any conflicts waiting for a person. */
export const pulledRecordSchema = v.strictObject({
	docId: v.string(),
	/** Absent for service-wide records. */
	caseId: v.optional(caseId),
	rev: revisionSchema,
	/**
	 * Checked by the receiver with `parseRecord`, one by one, so one odd record does not fail a page.
	 * Here only its shape: taken as it is, not copied key by key (a caseload is thousands of them).
	 */
	record: v.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'A pulled record must be an object.'),
	conflicts: v.array(conflictEntrySchema)
});
export type PulledRecord = v.InferOutput<typeof pulledRecordSchema>;

export const PURGE_REASONS = ['unassigned', 'closed', 'retention', 'not-found'] as const;
export type PurgeReason = (typeof PURGE_REASONS)[number];

export const pullResponseSchema = v.strictObject({
	records: v.array(pulledRecordSchema),
	/** Records removed from a case the device still holds. */
	deletions: v.array(v.strictObject({ docId: v.string(), caseId: v.optional(caseId), rev: revisionSchema })),
	/**
	 * Whole cases the device must remove, after pushing anything unsynced in them. The server
	 * accepts and files such changes, so purging after a successful push loses nothing.
	 */
	purges: v.array(v.strictObject({ caseId, reason: v.picklist(PURGE_REASONS) })),
	/**
	 * How far this page reaches, per case. Stored in the same transaction as the page's records,
	 * so an interrupted pull resumes from the last page committed.
	 */
	checkpoints: v.strictObject({ cases: v.record(caseId, checkpointSchema), service: v.optional(checkpointSchema) }),
	/** False: ask again with the new checkpoints for the next page. */
	done: v.boolean(),
	/** For "records done / total" while a caseload loads; total is absent when unknown. */
	progress: v.strictObject({
		done: v.pipe(v.number(), v.integer(), v.minValue(0)),
		total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)))
	}),
	serverTime: isoDateTime
});
export type PullResponse = v.InferOutput<typeof pullResponseSchema>;

/**
 * The answer (HTTP 403) to any sync call from a revoked device: it removes every vault, case and
 * outbox entry it holds and signs out. Nothing it sends is accepted: a revoked tablet may be stolen.
 */
export const wipeAnswerSchema = v.strictObject({
	error: v.literal('device-revoked'),
	message: v.string(),
	action: v.literal('wipe')
});
export type WipeAnswer = v.InferOutput<typeof wipeAnswerSchema>;

/** Whether a failed sync answer tells this device to wipe itself. */
export function isWipeAnswer(body: unknown): body is WipeAnswer {
	return v.is(wipeAnswerSchema, body);
}
