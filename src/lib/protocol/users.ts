import * as v from 'valibot';
import { ROLES, type Role } from './auth.js';

export const newUserRequestSchema = v.strictObject({
	username: v.pipe(
		v.string('Enter a username'),
		v.trim(),
		v.toLowerCase(),
		v.regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'A username is 2 to 64 lower-case letters, digits, dots, dashes or underscores')
	),
	displayName: v.pipe(v.string('Enter a name'), v.trim(), v.minLength(1, 'Enter a name'), v.maxLength(120, 'A name has at most 120 characters')),
	roles: v.pipe(
		v.array(v.picklist(ROLES, 'Choose facilitator, coordinator or administrator')),
		v.minLength(1, 'Choose at least one role'),
		v.check((roles) => new Set(roles).size === roles.length, 'Choose each role once')
	),
	password: v.pipe(
		v.string('Enter a password'),
		v.minLength(12, 'A password has at least 12 characters'),
		v.maxLength(256, 'A password has at most 256 characters')
	)
});
export type NewUserRequest = v.InferOutput<typeof newUserRequestSchema>;

export interface UserSummary {
	id: string;
	username: string;
	displayName: string;
	roles: Role[];
	createdAt: string;
}

export interface UserListResponse {
	users: UserSummary[];
}
