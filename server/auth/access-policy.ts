import type { Role } from '../../src/lib/protocol/auth.js';

/**
 * Who may do what: the only place the server decides it. Every API route names one Access;
 * `define-route.ts` refuses to register a route without one.
 */
export type Access =
	| { kind: 'public' }
	| { kind: 'signed-in' }
	| { kind: 'role'; role: Role }
	| { kind: 'any-role'; roles: readonly Role[] }
	| { kind: 'case'; action: CaseAction };

/** read: open the case; write: add to it; oversee: its audit log and who works on it. */
export type CaseAction = 'read' | 'write' | 'oversee';

/** What the store says about one caller and one case, fetched fresh on each request. */
export interface CaseFacts {
	exists: boolean;
	open: boolean;
	/** The caller is one of its facilitators now (not: was once). */
	assigned: boolean;
}

export type Decision = 'allow' | 'forbidden' | 'not-found';

/** Any access but public: what a route that needs a signed-in caller names. */
export type ProtectedAccess = Exclude<Access, { kind: 'public' }>;

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: ProtectedAccess = { kind: 'signed-in' };
export const ADMINISTRATOR: ProtectedAccess = { kind: 'role', role: 'administrator' };
/** The office roles, who may protect their sign-in with a second factor. */
export const OFFICE: ProtectedAccess = { kind: 'any-role', roles: ['coordinator', 'administrator'] };
export const caseAccess = (action: CaseAction): ProtectedAccess => ({ kind: 'case', action });

export const decideRole = (roles: readonly Role[], role: Role): Decision => (roles.includes(role) ? 'allow' : 'forbidden');
export const decideAnyRole = (roles: readonly Role[], wanted: readonly Role[]): Decision =>
	wanted.some((role) => roles.includes(role)) ? 'allow' : 'forbidden';

/**
 * Invariant: a denial never depends on a fact the caller may not know. A facilitator who is not on
 * a case gets not-found whether it exists or not; a person who is neither facilitator nor
 * coordinator gets forbidden whether it exists or not. Administrators do not read cases.
 */
export function decideCase(roles: readonly Role[], action: CaseAction, facts: CaseFacts): Decision {
	if (roles.includes('coordinator')) return facts.exists ? 'allow' : 'not-found';
	if (!roles.includes('facilitator')) return 'forbidden';
	if (!facts.exists || !facts.assigned) return 'not-found';
	if (action === 'read') return 'allow';
	if (action === 'write') return facts.open ? 'allow' : 'forbidden';
	return 'forbidden';
}

/** The facts a decision needs, so the store is asked only what matters for these roles. */
export function factsNeeded(roles: readonly Role[]): { caseDoc: boolean; assignment: boolean } {
	if (roles.includes('coordinator')) return { caseDoc: true, assignment: false };
	if (roles.includes('facilitator')) return { caseDoc: true, assignment: true };
	return { caseDoc: false, assignment: false };
}
