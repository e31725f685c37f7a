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
/** The referral inbox and allocation lists: service-wide work, not one case's. */
export const COORDINATOR: ProtectedAccess = { kind: 'role', role: 'coordinator' };
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

/**
 * What becomes of one pushed change. `apply`: written to the live record. `file`: kept for the
 * coordinator and not applied — a facilitator who lost the case (unassigned, or it closed) must be
 * able to hand in what they wrote offline, and gets the same answer whether or not the case
 * exists, so filing tells nothing a facilitator may not know. `refuse`: neither (no case role).
 */
export type PushDecision = 'apply' | 'file' | 'refuse';

export function decidePush(roles: readonly Role[], facts: CaseFacts): PushDecision {
	const decision = decideCase(roles, 'write', facts);
	if (decision === 'allow') return 'apply';
	if (roles.includes('coordinator')) return 'refuse';
	return roles.includes('facilitator') ? 'file' : 'refuse';
}

/** Fields of a case record only the office changes: who works on it, and whether it is open. */
export const OFFICE_CASE_FIELDS: readonly string[] = ['facilitatorIds', 'coordinatorId', 'status', 'exitReason', 'exitDate', 'exitNote'];

/**
 * Why a device must let go of a case it holds, or undefined to keep it (need to know). As with
 * every denial, a facilitator hears the same reason for a case they lost and for one that is gone.
 */
export function decideHold(roles: readonly Role[], facts: CaseFacts): 'unassigned' | 'closed' | 'not-found' | undefined {
	if (decideCase(roles, 'read', facts) !== 'allow') return roles.includes('coordinator') ? 'not-found' : 'unassigned';
	// Coordinators keep what they open; a facilitator's device lets a closed case go.
	return facts.open || roles.includes('coordinator') ? undefined : 'closed';
}
