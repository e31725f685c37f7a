/**
 * Calendar days as ISO strings (2026-03-01), worked out in UTC so no clock or time zone of the
 * machine can move a due date. Month arithmetic clamps to the month's last day: 31 January and
 * one month is 28 (or 29) February.
 */
const MS_PER_DAY = 86_400_000;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
	return fromTime(toTime(day) + days * MS_PER_DAY);
}

export function addMonths(day: string, months: number): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	const first = new Date(Date.UTC(year, month - 1 + months, 1));
	const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	return fromTime(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date, lastDay)));
}

/** Whole days from `from` to `to`: negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
	return Math.round((toTime(to) - toTime(from)) / MS_PER_DAY);
}

const ukDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** e.g. 3 March 2026: how dates read in messages to people. */
export function formatDay(day: string): string {
	return ukDate.format(new Date(toTime(day)));
}
