import * as v from 'valibot';
import type { ChecklistTemplate } from '../domain/checklist-template.js';
import { SECURITY_CATEGORIES, type EstablishmentRecord } from '../domain/establishment.js';
import { isoDate, optionalText, requiredText } from '../domain/fields.js';
import type { AccountSummary } from './accounts.js';
import { newUserRequestSchema } from './users.js';

/** An invitation: the account is made now; the person sets their own password from the link. */
export const invitationRequestSchema = v.strictObject({
	username: newUserRequestSchema.entries.username,
	displayName: newUserRequestSchema.entries.displayName,
	roles: newUserRequestSchema.entries.roles
});
export type InvitationRequest = v.InferOutput<typeof invitationRequestSchema>;

/** Shown once: only a hash of the token is kept. */
export interface InvitationResponse {
	user: AccountSummary;
	token: string;
	/** The page the new person opens: `/invitation/<token>`. */
	path: string;
	expiresAt: string;
}

export const invitationTokenParamsSchema = v.strictObject({
	token: v.pipe(v.string('Open the link from your invitation again'), v.regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete. Open it again from your invitation'))
});

/** What the invitation page shows before the person chooses a password. */
export interface InvitationStatus {
	username: string;
	displayName: string;
	expiresAt: string;
}

export const acceptInvitationRequestSchema = v.strictObject({ password: newUserRequestSchema.entries.password });
export type AcceptInvitationRequest = v.InferOutput<typeof acceptInvitationRequestSchema>;

/** An establishment as the administrator writes it; the server adds its id and stamps. */
export const establishmentRequestSchema = v.strictObject({
	name: requiredText('Enter the name of the establishment', 200),
	securityCategory: v.picklist(SECURITY_CATEGORIES, 'Choose a security category'),
	visitRules: optionalText(5_000),
	devicesAuthorised: v.boolean('Say whether the service’s devices are authorised here'),
	devicesAuthorisedUntil: v.optional(isoDate)
});
export type EstablishmentRequest = v.InferOutput<typeof establishmentRequestSchema>;

export const establishmentParamsSchema = v.strictObject({
	establishmentId: v.pipe(v.string('Choose an establishment'), v.regex(/^[a-z0-9-]{8,64}$/, 'Use an establishment id from the list'))
});

export interface EstablishmentListResponse {
	establishments: EstablishmentRecord[];
}

/** A new version of a template: its wording; the server numbers it and it never changes after. */
export const publishTemplateRequestSchema = v.strictObject({
	basedOnVersion: v.pipe(v.number('Say which version this is based on'), v.integer('Use a whole number'), v.minValue(1, 'Versions start at 1')),
	title: v.unknown(),
	description: v.unknown(),
	sections: v.unknown()
});
export type PublishTemplateRequest = v.InferOutput<typeof publishTemplateRequestSchema>;

export const templateParamsSchema = v.strictObject({
	templateId: v.pipe(v.string('Choose a template'), v.regex(/^[a-z][a-z0-9-]{0,63}$/, 'Use a template id from the list'))
});

export interface TemplateListResponse {
	/** Every version of every template, newest first within a template. */
	templates: ChecklistTemplate[];
}
