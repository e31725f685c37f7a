import type { FieldProblem } from '../domain/validation.js';

/** The message for one field, matching the field itself or anything inside it (e.g. `venue.name`). */
export function problemAt(problems: readonly FieldProblem[], path: string): string | undefined {
	return problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
}
