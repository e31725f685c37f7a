import * as v from 'valibot';

export const ROLES = ['facilitator', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const signInRequestSchema = v.strictObject({
	username: v.pipe(
		v.string('Enter your username'),
		v.trim(),
		v.minLength(1, 'Enter your username'),
		v.maxLength(64, 'A username has at most 64 characters')
	),
	password: v.pipe(
		v.string('Enter your password'),
		v.minLength(1, 'Enter your password'),
		v.maxLength(256, 'A password has at most 256 characters')
	)
});

export type SignInRequest = v.InferOutput<typeof signInRequestSchema>;

/** Who is signed in: enough for the device to open offline later. */
export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	roles: Role[];
}
