const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO moment as the value of a `datetime-local` field, in the tablet's own time zone. */
export function toLocalInput(iso: string): string {
	const d = new Date(iso);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO moment; undefined when it is not a real date and time. */
export function fromLocalInput(value: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
	const d = new Date(year, month - 1, day, hour, minute);
	// Rejects 31 February and the like, which Date would quietly roll over.
	if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || d.getHours() !== hour) return undefined;
	return d.toISOString();
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "Thu 1 Oct 2026, 10:00" */
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
/** "1 Oct 2026" */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
