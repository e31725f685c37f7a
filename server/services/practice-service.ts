import { overdueForAllocation, practiceStanding } from '../../src/lib/domain/practice-due.js';
import { entryDay, type PracticeEntry } from '../../src/lib/domain/practice-record.js';
import { practiceReport } from '../../src/lib/domain/practice-report.js';
import type { PracticeOverviewResponse, PracticeOverviewRow, PracticeRecordsResponse, PracticeReportQuery, PracticeReportResponse } from '../../src/lib/protocol/practice.js';
import type { UserDoc } from './account-store.js';
import type { Services } from './services.js';

/** The service's calendar day: due dates are days in England and Wales, not in UTC. */
export function serviceToday(now: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A facilitator starts when their account was made: the clock for a new starter's first supervision. */
const startedOn = (user: UserDoc, now: Date) => serviceToday(new Date(user.createdAt ?? now));

/** Facilitators who can take work now, by name. */
async function facilitators(services: Services): Promise<UserDoc[]> {
	return (await services.accounts.list())
		.filter((user) => user.roles.includes('facilitator') && !user.disabledAt)
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

export async function practiceOverview(services: Services, now: Date): Promise<PracticeOverviewResponse> {
	const [people, entries, settings] = await Promise.all([facilitators(services), services.practice.allEntries(), services.practice.settings()]);
	const today = serviceToday(now);
	const row = (user: UserDoc): PracticeOverviewRow => ({
		userId: user.id, displayName: user.displayName, startedOn: startedOn(user, now),
		standing: practiceStanding(entries.get(user.id) ?? [], startedOn(user, now), settings, today)
	});
	return { today, settings, facilitators: people.map(row) };
}

/** What allocation warns about, per facilitator id. */
export async function overduePractice(services: Services, now: Date): Promise<Map<string, ReturnType<typeof overdueForAllocation>>> {
	const overview = await practiceOverview(services, now);
	return new Map(overview.facilitators.map((f) => [f.userId, overdueForAllocation(f.standing)]));
}

const newestFirst = (a: PracticeEntry, b: PracticeEntry) => entryDay(b).localeCompare(entryDay(a)) || b.recordedAt.localeCompare(a.recordedAt);

/** One facilitator's records; undefined when the person is not a facilitator (past or present). */
export async function practiceRecords(services: Services, userId: string, now: Date): Promise<PracticeRecordsResponse | undefined> {
	const user = await services.accounts.findById(userId);
	if (!user?.roles.includes('facilitator')) return undefined;
	const [entries, settings] = await Promise.all([services.practice.entriesOf(userId), services.practice.settings()]);
	const today = serviceToday(now);
	return {
		userId, displayName: user.displayName, startedOn: startedOn(user, now), today, settings,
		standing: practiceStanding(entries, startedOn(user, now), settings, today),
		entries: entries.sort(newestFirst)
	};
}

export async function practiceReportFor(services: Services, query: PracticeReportQuery, now: Date): Promise<PracticeReportResponse> {
	const [people, entries, settings] = await Promise.all([facilitators(services), services.practice.allEntries(), services.practice.settings()]);
	const input = people.map((user) => ({ userId: user.id, displayName: user.displayName, startedOn: startedOn(user, now), entries: entries.get(user.id) ?? [] }));
	return practiceReport(input, settings, query.from, query.to, serviceToday(now));
}
