import * as v from 'valibot';
import { DEFAULT_SERVICE_POLICY, servicePolicySchema } from './service-policy.js';
import { validate, type Validated } from './validation.js';

/** The idle lock choices a tablet offers; the service's setting is the longest a tablet may stay unlocked. */
export const IDLE_LOCK_CHOICES = [1, 2, 5, 10, 15, 30] as const;

/**
 * `settings:policy`: the service's own rules (see service-policy.ts), the most open cases a
 * facilitator should carry, and how long a tablet may sit idle before it locks.
 */
export const policySettingsSchema = v.strictObject({
	...servicePolicySchema.entries,
	caseloadLimit: v.pipe(
		v.number('Enter a number of cases'),
		v.integer('Use a whole number of cases'),
		v.minValue(1, 'Allow at least 1 case'),
		v.maxValue(200, 'Allow at most 200 cases')
	),
	idleLockMinutes: v.picklist(IDLE_LOCK_CHOICES, 'Choose 1, 2, 5, 10, 15 or 30 minutes')
});

export type PolicySettings = v.InferOutput<typeof policySettingsSchema>;

export const DEFAULT_POLICY_SETTINGS: PolicySettings = { ...DEFAULT_SERVICE_POLICY, caseloadLimit: 8, idleLockMinutes: 5 };

export function parsePolicySettings(input: unknown): Validated<PolicySettings> {
	return validate(policySettingsSchema, input);
}
