import * as v from 'valibot';

/**
 * How often a service expects each facilitator to be supervised and observed, and how early to
 * warn of an accreditation's renewal. Kept as `settings:practice` in the accounts database.
 */
const whole = (what: string, min: number, max: number) =>
	v.pipe(
		v.number(`Enter a number of ${what}`),
		v.integer(`Use a whole number of ${what}`),
		v.minValue(min, `Use at least ${min} ${what}`),
		v.maxValue(max, `Use at most ${max} ${what}`)
	);

export const practiceSettingsSchema = v.strictObject({
	supervisionIntervalWeeks: whole('weeks', 1, 52),
	observationIntervalMonths: whole('months', 1, 36),
	accreditationWarningDays: whole('days', 0, 365)
});
export type PracticeSettings = v.InferOutput<typeof practiceSettingsSchema>;

/** Common practice: supervision every 12 weeks, an observation each year, two months' notice of renewal. */
export const DEFAULT_PRACTICE_SETTINGS: PracticeSettings = {
	supervisionIntervalWeeks: 12,
	observationIntervalMonths: 12,
	accreditationWarningDays: 60
};
