import { liveQuery, type Observable } from 'dexie';
import { caseRepository } from '../db/case-repository.js';
import { readRecordsOfTypes } from '../db/caseload-reader.js';
import type { UserDb } from '../db/user-db.js';
import { DEFAULT_SERVICE_POLICY } from '../domain/service-policy.js';
import { readCaseMarkers } from '../sync/case-markers.js';
import { searchableNames, todayRows, type TodayRow } from './today.js';

export interface Caseload {
	rows: TodayRow[];
	/** Participant names by case id, for local search. */
	names: Map<string, string[]>;
}

/** The Today list, live: it follows the cases table, the records, the outbox and the server copies. */
export function watchCaseload(db: UserDb, now: () => string = () => new Date().toISOString()): Observable<Caseload> {
	const cases = caseRepository(db);
	return liveQuery(async () => {
		const summaries = await cases.readAll();
		const records = await readRecordsOfTypes(db, ['case', 'participant', 'consent', 'risk-assessment', 'paper-pack']);
		const markers = await readCaseMarkers(db);
		return { rows: todayRows(summaries, records, markers, DEFAULT_SERVICE_POLICY, now()), names: searchableNames(records) };
	});
}
