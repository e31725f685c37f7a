import type { UnsyncedSummary } from './outbox.js';

export interface StorageFacts {
	persisted: boolean;
	usage?: number;
	quota?: number;
	unsynced: UnsyncedSummary;
	now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LOW_SPACE_BYTES = 200 * 1024 * 1024;

/**
 * What a facilitator should be told about this tablet's storage, most urgent first: browsers
 * may clear unpersisted storage when space runs low, which is how other casework apps lost work.
 */
export function storageWarnings(facts: StorageFacts): string[] {
	const warnings: string[] = [];
	const { count, oldestAt } = facts.unsynced;
	if (count > 0 && oldestAt && facts.now.getTime() - new Date(oldestAt).getTime() > DAY_MS)
		warnings.push(`${count === 1 ? 'A change has' : `${count} changes have`} waited more than a day to sync. Connect to a network soon.`);
	if (facts.quota !== undefined && facts.usage !== undefined && facts.quota - facts.usage < LOW_SPACE_BYTES)
		warnings.push('This tablet is low on space. The browser may clear stored work: sync, then free some space.');
	if (!facts.persisted && count > 0) warnings.push('The browser has not promised to keep this data. Sync often.');
	return warnings;
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
