import * as v from 'valibot';
import { ROLES } from './auth.js';
import type { ApiErrorCode } from './errors.js';
import type { UserSummary } from './users.js';

/** The failure codes of the second factor and of disabled accounts. */
export type AccountErrorCode = Extract<ApiErrorCode, 'second-factor-required' | 'second-factor-failed' | 'account-disabled'>;

export const userParamsSchema = v.strictObject({ userId: v.pipe(v.string('Choose a person'), v.uuid('Use a user id from the list of people')) });

export const changeRolesRequestSchema = v.strictObject({
	roles: v.pipe(
		v.array(v.picklist(ROLES, 'Choose facilitator, coordinator or administrator')),
		v.minLength(1, 'Choose at least one role'),
		v.check((roles) => new Set(roles).size === roles.length, 'Choose each role once')
	)
});
export type ChangeRolesRequest = v.InferOutput<typeof changeRolesRequestSchema>;

/** A person's account as administrators see it. */
export interface AccountSummary extends UserSummary {
	/** Set while the account is switched off: it cannot sign in and its sessions do not work. */
	disabledAt?: string;
	secondFactor: boolean;
}

export const ACCOUNT_AUDIT_ACTIONS = [
	'roles-changed',
	'disabled',
	'enabled',
	'second-factor-enabled',
	'second-factor-disabled',
	'second-factor-reset',
	'invited',
	'password-set'
] as const;
export type AccountAuditAction = (typeof ACCOUNT_AUDIT_ACTIONS)[number];

/** One line of an account's audit log: who changed what about whose account, and when. */
export interface AccountAuditEntry {
	userId: string;
	action: AccountAuditAction;
	byUserId: string;
	deviceId?: string;
	serverTime: string;
	/** For a role change, the roles before and after. */
	roles?: { before: string[]; after: string[] };
}

export interface AccountAuditResponse {
	entries: AccountAuditEntry[];
}
