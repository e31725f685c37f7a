import * as v from 'valibot';
import { signInRequestSchema } from './auth.js';

/** The six digits an authenticator app shows; spaces people type between groups are dropped. */
export const oneTimeCodeSchema = v.pipe(
	v.string('Enter the 6-digit code from your authenticator app'),
	v.transform((code) => code.replace(/\s+/g, '')),
	v.regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app')
);

/**
 * Sign-in with the optional second factor. Without `code`, an account that has one answers
 * `second-factor-required`; the app then asks for the code and sends everything again.
 */
export const signInWithCodeRequestSchema = v.strictObject({ ...signInRequestSchema.entries, code: v.optional(oneTimeCodeSchema) });
export type SignInWithCodeRequest = v.InferOutput<typeof signInWithCodeRequestSchema>;

export const oneTimeCodeRequestSchema = v.strictObject({ code: oneTimeCodeSchema });
export type OneTimeCodeRequest = v.InferOutput<typeof oneTimeCodeRequestSchema>;

export interface SecondFactorStatus {
	/** Codes are asked for at sign-in. */
	enabled: boolean;
	/** Set up but not yet confirmed with a first code. */
	pending: boolean;
}

/** Shown once, when setting up: the secret is never sent again. */
export interface SecondFactorEnrolment {
	secret: string;
	/** `otpauth://totp/...` for a QR code or a link on a phone. */
	uri: string;
}
