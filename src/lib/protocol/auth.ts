import * as v from 'valibot';

export const ROLES = ['facilitator', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** A tablet's own id, made by the app at install; it names the device in the audit log. */
export const deviceIdSchema = v.pipe(
	v.string('Send the device id'),
	v.regex(/^[A-Za-z0-9-]{8,64}$/, 'A device id is 8 to 64 letters, digits or dashes')
);

export const deviceLabelSchema = v.pipe(
	v.string('Name the device'),
	v.trim(),
	v.minLength(1, 'Name the device'),
	v.maxLength(80, 'A device name has at most 80 characters')
);

/** Sent at sign-in by a tablet that keeps cases offline; the browser on an office PC sends none. */
export const deviceRegistrationSchema = v.strictObject({ id: deviceIdSchema, label: deviceLabelSchema });
export type DeviceRegistration = v.InferOutput<typeof deviceRegistrationSchema>;

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
	),
	device: v.optional(deviceRegistrationSchema)
});

export type SignInRequest = v.InferOutput<typeof signInRequestSchema>;

/** Who is signed in: enough for the device to open offline later. */
export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	roles: Role[];
	/** The device this session belongs to, when one registered at sign-in. */
	deviceId?: string;
}
