import { ALL_CASES, caseIntervals, caseOfKey, gapsBetween } from '../db/case-rows.js';
import type { UserDb } from '../db/user-db.js';

/**
 * Every case the device holds a record of, given the cases it holds a checkpoint for. Rows are
 * keyed by document id, so a case is a key range; walking every key steps over every record (tens
 * of ms for a caseload), so only the gaps around the known cases' ranges are looked into: each is
 * normally empty, and all are asked at once. A row found in a gap names a case; its ranges are
 * taken out of that gap and what is left of it is asked again.
 */
export async function casesWithRecords(db: UserDb, known: readonly string[]): Promise<string[]> {
	const sorted = [...new Set(known)].sort();
	const found = new Set<string>();
	let gaps = gapsBetween(ALL_CASES[0], ALL_CASES[1], sorted.flatMap(caseIntervals));
	while (gaps.length > 0) {
		const firsts = await Promise.all(gaps.map(([lower, upper]) => db.records.where(':id').between(lower, upper, false, false).limit(1).primaryKeys()));
		gaps = gaps.flatMap(([lower, upper], i) => {
			const key = firsts[i]![0];
			if (key === undefined) return [];
			const caseId = caseOfKey(key);
			found.add(caseId);
			return gapsBetween(lower, upper, caseIntervals(caseId));
		});
	}
	return [...sorted, ...found];
}
