import type { FieldProblem } from '../../src/lib/domain/validation.js';
import type { ApiErrorCode } from '../../src/lib/protocol/errors.js';

/** A failure the API reports to the caller as it is; anything else becomes a generic 500. */
export class ApiError extends Error {
	constructor(
		readonly statusCode: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly fields?: FieldProblem[]
	) {
		super(message);
	}
}

export const badRequest = (fields: FieldProblem[]) =>
	new ApiError(400, 'bad-request', `Check ${fields.map((f) => f.path).join(', ')}: ${fields[0]?.message ?? 'invalid'}`, fields);
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = () => new ApiError(403, 'forbidden', 'You do not have access to this.');
