import Dexie from 'dexie';
import type { UserDb } from '../db/user-db.js';

/**
 * Every case the device holds a record of, given the cases it holds a checkpoint for. Walking the
 * caseId index for its distinct keys steps over every record (tens of ms for a caseload), so only
 * the gaps between the known cases are looked into: each is normally empty, and all are asked at once.
 */
export async function casesWithRecords(db: UserDb, known: readonly string[]): Promise<string[]> {
	const sorted = [...new Set(known)].sort();
	const bounds = [Dexie.minKey, ...sorted, Dexie.maxKey];
	let gaps = bounds.slice(1).map((upper, i) => [bounds[i], upper] as const);
	const found: string[] = [];
	while (gaps.length > 0) {
		const firsts = await Promise.all(gaps.map(([lower, upper]) => db.records.where('caseId').between(lower, upper, false, false).first()));
		gaps = gaps.flatMap(([, upper], i) => {
			const caseId = firsts[i]?.caseId;
			if (caseId === undefined) return [];
			found.push(caseId);
			return [[caseId, upper] as const];
		});
	}
	return [...sorted, ...found];
}
