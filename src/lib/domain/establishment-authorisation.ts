import { devicesAllowedOn, type EstablishmentRecord } from './establishment.js';

/** How far ahead the office is warned that tablets will soon not be allowed in. */
export const AUTHORISATION_WARNING_DAYS = 14;

export type AuthorisationState =
	| { kind: 'none' }
	| { kind: 'lapsed'; until: string }
	| { kind: 'lapsing'; until: string; daysLeft: number }
	| { kind: 'current'; until: string };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Where an establishment's tablet authorisation stands on `today` (YYYY-MM-DD). The end date is
 * the last allowed day, so it lapses the day after; "lapsing" is within the warning days.
 */
export function authorisationState(establishment: EstablishmentRecord, today: string): AuthorisationState {
	const until = establishment.devicesAuthorisedUntil;
	if (!establishment.devicesAuthorised || until === undefined) return { kind: 'none' };
	if (!devicesAllowedOn(establishment, today)) return { kind: 'lapsed', until };
	const daysLeft = dayNumber(until) - dayNumber(today);
	return daysLeft < AUTHORISATION_WARNING_DAYS ? { kind: 'lapsing', until, daysLeft } : { kind: 'current', until };
}
