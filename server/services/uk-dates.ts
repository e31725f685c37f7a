const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** "3 March 2026", as the day fell in the UK. A calendar day (2026-03-03) is that day. */
export function ukDate(iso: string): string {
	const at = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
	return Number.isNaN(at.getTime()) ? iso : DAY.format(at);
}

/** "3 March 2026 at 14:05", UK time. */
export function ukDateTime(iso: string): string {
	const at = new Date(iso);
	return Number.isNaN(at.getTime()) ? iso : `${DAY.format(at)} at ${TIME.format(at)}`;
}
