import * as v from 'valibot';
import { validate, type Validated } from './validation.js';

/** The service's rules for paper packs, kept as `settings:paper`. */
export const paperSettingsSchema = v.strictObject({
	reminderDays: v.pipe(
		v.number('Enter a number of days'),
		v.integer('Use a whole number of days'),
		v.minValue(1, 'Allow at least 1 day'),
		v.maxValue(90, 'Allow at most 90 days')
	)
});

export type PaperSettings = v.InferOutput<typeof paperSettingsSchema>;

/** Until the service sets its own: a week covers a visit and the typing up after it. */
export const DEFAULT_PAPER_SETTINGS: PaperSettings = { reminderDays: 7 };

export function parsePaperSettings(input: unknown): Validated<PaperSettings> {
	return validate(paperSettingsSchema, input);
}
