import type { FieldProblem } from '../../src/lib/domain/validation.js';
import type { ApiErrorBody, ApiErrorCode } from '../../src/lib/protocol/errors.js';

/** A failure the API reports to the caller as it is; anything else becomes a generic 500. */
export class ApiError extends Error {
	constructor(
		readonly statusCode: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly fields?: FieldProblem[],
		readonly action?: ApiErrorBody['action']
	) {
		super(message);
	}
}

export const badRequest = (fields: FieldProblem[]) =>
	new ApiError(400, 'bad-request', `Check ${fields.map((f) => f.path).join(', ')}: ${fields[0]?.message ?? 'invalid'}`, fields);
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = () => new ApiError(403, 'forbidden', 'You do not have access to this.');
/** The same words whether the thing is missing or hidden from this caller. */
export const notFound = () => new ApiError(404, 'not-found', 'There is nothing here, or you do not have access to it.');
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const deviceRevoked = () =>
	new ApiError(403, 'device-revoked', 'This device was removed from the service. Its case data is being deleted; sign in again to use it.', undefined, 'wipe');
