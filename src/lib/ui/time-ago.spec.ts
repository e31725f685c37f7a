import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago.js';

const now = new Date('2026-11-26T12:00:00.000Z');

describe('timeAgo', () => {
	it.each([
		['2026-11-26T11:59:30.000Z', 'just now'],
		['2026-11-26T11:59:00.000Z', '1 minute ago'],
		['2026-11-26T11:15:00.000Z', '45 minutes ago'],
		['2026-11-26T09:00:00.000Z', '3 hours ago'],
		['2026-11-24T12:00:00.000Z', '2 days ago'],
		['2026-11-26T12:05:00.000Z', 'just now']
	])('says %s as "%s"', (iso, words) => {
		expect(timeAgo(iso, now)).toBe(words);
	});
});
