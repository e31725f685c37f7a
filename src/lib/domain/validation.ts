import * as v from 'valibot';

/** One problem with one field, in words a person can act on. */
export interface FieldProblem {
	path: string;
	message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);

function keysOf(issue: v.BaseIssue<unknown>): string[] {
	return issue.path?.map((item) => String(item.key)) ?? [];
}

interface SchemaNode {
	entries?: Record<string, SchemaNode>;
	item?: SchemaNode;
	value?: SchemaNode;
	wrapped?: SchemaNode;
}

/** The schema of the field at a path, looking through optional wrappers, arrays and records. */
function schemaAt(root: v.GenericSchema, keys: readonly string[]): v.GenericSchema | undefined {
	let at: SchemaNode | undefined = root as SchemaNode;
	for (const key of keys) {
		while (at?.wrapped) at = at.wrapped;
		at = at?.entries ? at.entries[key] : (at?.item ?? at?.value);
	}
	return at as v.GenericSchema | undefined;
}

/**
 * valibot reports a missing key with the object's generic "Invalid key" message; the field's
 * own schema says it better ("Choose a coordinator"), so ask it what it makes of nothing.
 */
function missingFieldMessage(root: v.GenericSchema | undefined, keys: readonly string[]): string {
	const field = root && schemaAt(root, keys);
	const result = field ? v.safeParse(field, undefined, { abortPipeEarly: true }) : undefined;
	return result && !result.success && result.issues[0] ? result.issues[0].message : 'Fill in this field';
}

function messageOf(issue: v.BaseIssue<unknown>, root: v.GenericSchema | undefined): string {
	if (!OBJECT_TYPES.has(issue.type) || issue.path === undefined) return issue.message;
	// An unknown key of a strict object is reported as "expected never"; say it plainly.
	if (issue.expected === 'never') return 'This field is not allowed here';
	return issue.received === 'undefined' ? missingFieldMessage(root, keysOf(issue)) : issue.message;
}

/** Maps valibot's issues to field problems: one per field, first message wins. */
export function toFieldProblems(issues: readonly v.BaseIssue<unknown>[], schema?: v.GenericSchema): FieldProblem[] {
	const seen = new Map<string, FieldProblem>();
	for (const issue of issues) {
		const keys = keysOf(issue);
		const path = keys.length > 0 ? keys.join('.') : '(root)';
		if (!seen.has(path)) seen.set(path, { path, message: messageOf(issue, schema) });
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
		: { ok: false, problems: toFieldProblems(result.issues, schema) };
}
