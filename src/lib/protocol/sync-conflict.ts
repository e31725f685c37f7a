import * as v from 'valibot';
import { isoDateTime, userId } from '../domain/fields.js';
import { deviceIdSchema } from './auth.js';

/** Who made a value and when, so a person choosing between two values knows whose each is. */
export const changeOriginSchema = v.strictObject({
	userId: v.optional(userId()),
	/** The person's name when the server kept the value, so a device that knows only ids can say who. */
	name: v.optional(v.pipe(v.string(), v.maxLength(120))),
	deviceId: v.optional(deviceIdSchema),
	at: v.optional(isoDateTime),
	mutationId: v.optional(v.string())
});
export type ChangeOrigin = v.InferOutput<typeof changeOriginSchema>;

/** One kept value of a field. No `value` key means the field was cleared (JSON has no undefined). */
export const conflictValueSchema = v.strictObject({
	value: v.optional(v.unknown()),
	origin: v.optional(changeOriginSchema)
});
export type ConflictValue = v.InferOutput<typeof conflictValueSchema>;

/**
 * Where a conflict sits: a top-level field (`['status']`) or one key of a by-key field
 * (`['answers', 'safety.physical-harm']`). A list, because keys may hold dots.
 */
export const conflictPathSchema = v.pipe(
	v.array(v.pipe(v.string('Name the field'), v.minLength(1, 'Name the field'))),
	v.minLength(1, 'Name the field in conflict'),
	v.maxLength(2, 'A conflict is on a field or on one key of a field')
);

/**
 * A field both sides changed to different values. The record holds one of them until a person
 * decides; every value is kept here, so none is ever dropped. Values are distinct.
 */
export const conflictEntrySchema = v.strictObject({
	path: conflictPathSchema,
	/** The value both sides started from; no `value` key when the field did not exist. */
	ancestor: conflictValueSchema,
	values: v.pipe(v.array(conflictValueSchema), v.minLength(2, 'A conflict keeps at least two values'))
});
export type ConflictEntry = v.InferOutput<typeof conflictEntrySchema>;

/**
 * A person's decision on a conflict, sent with the change that writes the chosen value. The
 * server drops only the values the person saw; a value that arrived meanwhile stays in conflict.
 */
export const conflictResolutionSchema = v.strictObject({
	path: conflictPathSchema,
	seen: v.pipe(v.array(conflictValueSchema), v.minLength(1, 'Say which values were seen'))
});
export type ConflictResolution = v.InferOutput<typeof conflictResolutionSchema>;
