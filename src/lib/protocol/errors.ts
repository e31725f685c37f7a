import type { FieldProblem } from '../domain/validation.js';

/** Failure codes the API answers with; the UI turns each into words. */
export type ApiErrorCode =
	| 'bad-request'
	| 'unauthenticated'
	| 'forbidden'
	| 'not-found'
	| 'conflict'
	| 'sign-in-failed'
	| 'second-factor-required'
	| 'second-factor-failed'
	| 'account-disabled'
	| 'too-many-attempts'
	| 'device-revoked'
	| 'store-unavailable'
	| 'internal';

export interface ApiErrorBody {
	error: ApiErrorCode;
	message: string;
	fields?: FieldProblem[];
	/**
	 * What the device must do now. `wipe`: this device was revoked; remove every case, vault and
	 * outbox entry it holds, then return to the sign-in page as a new device.
	 */
	action?: 'wipe';
}
