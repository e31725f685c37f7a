import type { DeviceExposure } from '../protocol/access-review.js';
import { formatDateTime } from '../ui/date-time.js';
import { timeAgo } from '../ui/time-ago.js';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * One device's exposure in a sentence a breach report can quote:
 * "Last synced 3 days ago (…); holds 2 cases: RJ-2026-0101 (14 records), RJ-2026-0102 (3 records)."
 */
export function exposureStatement(device: DeviceExposure, now: Date): string {
	const synced = `Last synced ${timeAgo(device.lastSyncAt, now)} (${formatDateTime(device.lastSyncAt)})`;
	const holds =
		device.cases.length === 0
			? 'holds no case data that the server knows of'
			: `holds ${plural(device.cases.length, 'case')}: ${device.cases.map((c) => `${c.reference} (${plural(c.records, 'record')})`).join(', ')}`;
	const revoked = device.revokedAt ? ` Revoked ${formatDateTime(device.revokedAt)}: it wipes itself at its next contact with the server.` : '';
	return `${synced}; ${holds}.${revoked}`;
}

/** Devices most exposed first: the most cases, then the longest since a sync (the least known about). */
export function byExposure(devices: readonly DeviceExposure[]): DeviceExposure[] {
	return [...devices].sort((a, b) => b.cases.length - a.cases.length || a.lastSyncAt.localeCompare(b.lastSyncAt));
}
