import * as v from 'valibot';

/** One problem with one field, in words a person can act on. */
export interface FieldProblem {
	path: string;
	message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
	const keys = issue.path?.map((item) => String(item.key)) ?? [];
	return keys.length > 0 ? keys.join('.') : '(root)';
}

/** Maps valibot's issues to field problems: one per field, first message wins. */
export function toFieldProblems(issues: readonly v.BaseIssue<unknown>[]): FieldProblem[] {
	const seen = new Map<string, FieldProblem>();
	for (const issue of issues) {
		const path = pathOf(issue);
		// valibot reports an unknown key of a strict object as "expected never"; say it plainly.
		const message = issue.type === 'strict_object' ? 'This field is not allowed here' : issue.message;
		if (!seen.has(path)) seen.set(path, { path, message });
	}
	return [...seen.values()];
}

/** Validates unknown input against a schema without throwing. */
export function validate<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): Validated<v.InferOutput<S>> {
	const result = v.safeParse(schema, input, { abortPipeEarly: true });
	return result.success
		? { ok: true, value: result.output }
		: { ok: false, problems: toFieldProblems(result.issues) };
}
