import type * as v from 'valibot';
import { validate } from '../../src/lib/domain/validation.js';
import { badRequest } from './api-error.js';

/** Validates a request part with a shared schema; a bad one is a 400 that names each field. */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = validate(schema, input ?? {});
	if (!result.ok) throw badRequest(result.problems);
	return result.value;
}
