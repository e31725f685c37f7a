import { addDays, addMonths, daysBetween } from './calendar-day.js';
import { entryDay, type PracticeEntryRequest } from './practice-record.js';
import type { PracticeSettings } from './practice-settings.js';

/**
 * Who is due what, on a given day. A new starter's first supervision and observation fall due one
 * interval after they started, so nobody is overdue on their first day; a person who was never
 * supervised becomes overdue once that first interval has passed. Due today is not yet overdue.
 */
export type DueStatus = 'in-date' | 'due-today' | 'overdue';

export interface DueState {
	status: DueStatus;
	dueOn: string;
	/** The last one recorded, if any. */
	last?: string;
}

export type AccreditationStatus = 'none' | 'current' | 'renewal-soon' | 'expired';

export interface AccreditationState {
	status: AccreditationStatus;
	body?: string;
	renewal?: string;
}

export interface PracticeStanding {
	supervision: DueState;
	observation: DueState;
	accreditation: AccreditationState;
}

type Entry = PracticeEntryRequest & { recordedAt?: string };

/** The latest entry of a kind by the day it happened; on the same day, the one recorded last. */
export function latestOf<K extends PracticeEntryRequest['kind']>(entries: readonly Entry[], kind: K): Extract<Entry, { kind: K }> | undefined {
	let latest: Extract<Entry, { kind: K }> | undefined;
	for (const entry of entries) {
		if (entry.kind !== kind) continue;
		const candidate = entry as Extract<Entry, { kind: K }>;
		const order = latest ? entryDay(candidate).localeCompare(entryDay(latest)) || (candidate.recordedAt ?? '').localeCompare(latest.recordedAt ?? '') : 1;
		if (order >= 0) latest = candidate;
	}
	return latest;
}

const statusOn = (dueOn: string, today: string): DueStatus => (today > dueOn ? 'overdue' : today === dueOn ? 'due-today' : 'in-date');

/** When the next supervision falls due after the given entries (before any, after starting). */
export function supervisionDueOn(entries: readonly Entry[], startedOn: string, settings: PracticeSettings): string {
	const last = latestOf(entries, 'supervision');
	if (!last) return addDays(startedOn, settings.supervisionIntervalWeeks * 7);
	return last.nextDue ?? addDays(last.date, settings.supervisionIntervalWeeks * 7);
}

export function practiceStanding(entries: readonly Entry[], startedOn: string, settings: PracticeSettings, today: string): PracticeStanding {
	const supervised = latestOf(entries, 'supervision');
	const supervisionDue = supervisionDueOn(entries, startedOn, settings);
	const observed = latestOf(entries, 'observation');
	const observationDue = addMonths(observed?.date ?? startedOn, settings.observationIntervalMonths);
	return {
		supervision: { status: statusOn(supervisionDue, today), dueOn: supervisionDue, ...(supervised ? { last: supervised.date } : {}) },
		observation: { status: statusOn(observationDue, today), dueOn: observationDue, ...(observed ? { last: observed.date } : {}) },
		accreditation: accreditationState(entries, settings, today)
	};
}

function accreditationState(entries: readonly Entry[], settings: PracticeSettings, today: string): AccreditationState {
	const latest = latestOf(entries, 'accreditation');
	if (!latest) return { status: 'none' };
	const left = daysBetween(today, latest.renewal);
	const status: AccreditationStatus = left < 0 ? 'expired' : left <= settings.accreditationWarningDays ? 'renewal-soon' : 'current';
	return { status, body: latest.body, renewal: latest.renewal };
}

/** What allocation warns about: supervision or observation overdue, with the day each fell due. */
export function overdueForAllocation(standing: PracticeStanding): { what: 'supervision' | 'observation'; dueOn: string }[] {
	return (['supervision', 'observation'] as const).filter((what) => standing[what].status === 'overdue').map((what) => ({ what, dueOn: standing[what].dueOn }));
}
