import * as v from 'valibot';
import { documentFields, isoDate, optionalText, requiredText } from './fields.js';
import { validate, type Validated } from './validation.js';

export const SECURITY_CATEGORIES = ['A', 'B', 'C', 'D', 'young-offender-institution', 'women-closed', 'women-open'] as const;

const entries = {
	type: v.literal('establishment'),
	v: v.literal(1),
	...documentFields,
	name: requiredText('Enter the name of the establishment', 200),
	securityCategory: v.picklist(SECURITY_CATEGORIES, 'Choose a security category'),
	visitRules: optionalText(5_000),
	devicesAuthorised: v.boolean('Say whether the service’s devices are authorised here'),
	devicesAuthorisedUntil: v.optional(isoDate)
};

type EstablishmentShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

/** A prison. Device authorisation is per establishment and lapses, so it carries an end date. */
export const establishmentSchema = v.pipe(
	v.strictObject(entries),
	v.forward(
		v.check((e: EstablishmentShape) => !e.devicesAuthorised || e.devicesAuthorisedUntil !== undefined, 'Enter the date the authorisation ends'),
		['devicesAuthorisedUntil']
	)
);

export type EstablishmentRecord = v.InferOutput<typeof establishmentSchema>;

export function parseEstablishment(input: unknown): Validated<EstablishmentRecord> {
	return validate(establishmentSchema, input);
}

/** Whether a tablet may go in on the given day (YYYY-MM-DD); the end date is the last allowed day. */
export function devicesAllowedOn(establishment: EstablishmentRecord, day: string): boolean {
	const until = establishment.devicesAuthorisedUntil;
	return establishment.devicesAuthorised && until !== undefined && day <= until;
}

export type DeviceAuthorisation = { state: 'allowed'; until: string } | { state: 'expired'; until: string } | { state: 'missing' };

/** Why a tablet may or may not go in on the given day: allowed, expired (with the last day) or never recorded. */
export function deviceAuthorisationOn(establishment: EstablishmentRecord, day: string): DeviceAuthorisation {
	const until = establishment.devicesAuthorisedUntil;
	if (!establishment.devicesAuthorised || until === undefined) return { state: 'missing' };
	return devicesAllowedOn(establishment, day) ? { state: 'allowed', until } : { state: 'expired', until };
}
