/** "just now", "5 minutes ago", "3 hours ago", "2 days ago": for sync times a person glances at. */
export function timeAgo(iso: string, now: Date): string {
	const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
	if (seconds < 60) return 'just now';
	const units: [number, string][] = [
		[86_400, 'day'],
		[3_600, 'hour'],
		[60, 'minute']
	];
	for (const [size, name] of units) {
		const count = Math.floor(seconds / size);
		if (count >= 1) return `${count} ${name}${count === 1 ? '' : 's'} ago`;
	}
	return 'just now';
}
