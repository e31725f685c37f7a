import { IDLE_LOCK_CHOICES } from '../domain/policy-settings.js';

export type LockMinutes = (typeof IDLE_LOCK_CHOICES)[number];

export const isLockMinutes = (value: unknown): value is LockMinutes => (IDLE_LOCK_CHOICES as readonly unknown[]).includes(value);

/** The idle times a facilitator may choose: none longer than the service allows. */
export function lockChoices(limit: LockMinutes | undefined): LockMinutes[] {
	return IDLE_LOCK_CHOICES.filter((minutes) => limit === undefined || minutes <= limit);
}

/** The idle time that applies: the facilitator's choice, cut to the service's limit. */
export function effectiveLockMinutes(chosen: LockMinutes, limit: LockMinutes | undefined): LockMinutes {
	return limit !== undefined && chosen > limit ? limit : chosen;
}
