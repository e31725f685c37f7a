import * as v from 'valibot';
import { validate, type FieldProblem } from '../domain/validation.js';
import { callApi } from '../sync/api-client.js';

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; status: number; message: string; problems: FieldProblem[] };

/** Blank answers are left out, not sent as "": an empty optional field is an unanswered question. */
export function withoutBlanks(value: unknown): unknown {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (Array.isArray(value)) return value.map(withoutBlanks);
	if (value && typeof value === 'object') {
		const entries = Object.entries(value).map(([key, item]) => [key, withoutBlanks(item)] as const);
		return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
	}
	return value;
}

/**
 * Checks a form with the schema the server uses, then sends it. The form's own state is never
 * touched here, so whatever the answer, nothing the person typed is lost.
 */
export async function sendForm<T>(schema: v.GenericSchema, method: 'POST' | 'PUT', path: string, answers: unknown): Promise<FormOutcome<T>> {
	const body = withoutBlanks(answers);
	const checked = validate(schema, body);
	if (!checked.ok) return { ok: false, status: 400, message: 'Some answers need changing.', problems: checked.problems };
	const result = await callApi<T>(method, path, body);
	if (result.ok) return result;
	const message =
		result.status === 0 ? 'Your form could not be sent: there is no connection. Nothing you typed has been lost; try again when you are back online.' : result.error.message;
	return { ok: false, status: result.status, message, problems: result.error.fields ?? [] };
}
