import * as v from 'valibot';
import { IDLE_LOCK_CHOICES } from '../domain/policy-settings.js';

/**
 * `GET /api/settings/tablet`: the parts of the service policy a tablet applies itself, for anyone
 * signed in. A loose object, so a later server may add a setting without an older app refusing it.
 */
export const tabletSettingsSchema = v.looseObject({
	/** The longest a tablet may sit idle, unlocked; a facilitator may choose a shorter time. */
	idleLockMinutes: v.picklist(IDLE_LOCK_CHOICES)
});

export type TabletSettings = v.InferOutput<typeof tabletSettingsSchema>;
