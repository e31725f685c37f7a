import type { FieldProblem } from '../../src/lib/domain/validation.js';
import type { AccountErrorCode } from '../../src/lib/protocol/accounts.js';
import type { ApiErrorBody, ApiErrorCode } from '../../src/lib/protocol/errors.js';

export type ErrorCode = ApiErrorCode | AccountErrorCode;
export type ErrorBody = Omit<ApiErrorBody, 'error'> & { error: ErrorCode };

/** A failure the API reports to the caller as it is; anything else becomes a generic 500. */
export class ApiError extends Error {
	constructor(
		readonly statusCode: number,
		readonly code: ErrorCode,
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
export const accountDisabled = () =>
	new ApiError(401, 'account-disabled', 'This account is switched off. Ask an administrator of your service to switch it back on.');
/** One message for a locked name, a locked address, and a name that does not exist. */
export const tooManySignIns = () => new ApiError(429, 'too-many-attempts', 'Too many sign-in attempts. Wait 15 minutes, then try again.');
export const secondFactorRequired = () =>
	new ApiError(401, 'second-factor-required', 'Enter the 6-digit code from the authenticator app on your phone.');
export const wrongCode = (status: 400 | 401) =>
	new ApiError(status, 'second-factor-failed', 'That code is not right, or it was used already. Wait for the next code and try again.', [
		{ path: 'code', message: 'That code is not right, or it was used already. Wait for the next code and try again.' }
	]);
