import type { FieldProblem } from '../domain/validation.js';

/** Failure codes the API answers with; the UI turns each into words. */
export type ApiErrorCode =
	| 'bad-request'
	| 'unauthenticated'
	| 'forbidden'
	| 'not-found'
	| 'sign-in-failed'
	| 'too-many-attempts'
	| 'store-unavailable'
	| 'internal';

export interface ApiErrorBody {
	error: ApiErrorCode;
	message: string;
	fields?: FieldProblem[];
}
