import type { PracticeEntryRequest } from './practice-record.js';
import { supervisionDueOn } from './practice-due.js';
import type { PracticeSettings } from './practice-settings.js';

/**
 * Quality-mark evidence over a period: was each facilitator supervised within the interval the
 * whole time, and how many hours of training and CPD did each record. A facilitator counts from
 * the day they started; one who started after the period is left out.
 */
export interface PracticeReportPerson {
	userId: string;
	displayName: string;
	startedOn: string;
	entries: readonly (PracticeEntryRequest & { recordedAt?: string })[];
}

export interface PracticeReportRow {
	userId: string;
	displayName: string;
	supervisions: number;
	/** Never overdue for supervision at any point in the period. */
	supervisedWithinInterval: boolean;
	cpdHours: number;
	cpdEntries: number;
}

export interface PracticeReport {
	from: string;
	to: string;
	supervisionIntervalWeeks: number;
	rows: PracticeReportRow[];
	facilitators: number;
	supervisedWithinInterval: number;
	/** 0 to 1; null when there is nobody to count. */
	supervisedShare: number | null;
	cpdHours: number;
}

const inPeriod = (day: string, from: string, to: string) => day >= from && day <= to;

function keptInDate(person: PracticeReportPerson, settings: PracticeSettings, from: string, end: string): boolean {
	const sessions = person.entries.filter((e) => e.kind === 'supervision');
	let due = supervisionDueOn(sessions.filter((s) => s.date < from), person.startedOn, settings);
	const start = person.startedOn > from ? person.startedOn : from;
	if (due < start) return false;
	const during = sessions.filter((s) => inPeriod(s.date, from, end)).sort((a, b) => a.date.localeCompare(b.date) || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? ''));
	for (const session of during) {
		if (session.date > due) return false;
		due = supervisionDueOn([session], person.startedOn, settings);
	}
	return due >= end;
}

export function practiceReport(people: readonly PracticeReportPerson[], settings: PracticeSettings, from: string, to: string, today: string): PracticeReport {
	// A period running on past today is judged up to today: nobody is overdue for a day yet to come.
	const end = to < today ? to : today;
	const rows = people
		.filter((person) => person.startedOn <= to)
		.map((person): PracticeReportRow => {
			const training = person.entries.filter((e) => e.kind === 'training' && inPeriod(e.date, from, to));
			return {
				userId: person.userId,
				displayName: person.displayName,
				supervisions: person.entries.filter((e) => e.kind === 'supervision' && inPeriod(e.date, from, to)).length,
				supervisedWithinInterval: keptInDate(person, settings, from, end),
				cpdHours: training.reduce((sum, e) => sum + (e.kind === 'training' ? e.hours : 0), 0),
				cpdEntries: training.length
			};
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
	const supervised = rows.filter((row) => row.supervisedWithinInterval).length;
	return {
		from, to, supervisionIntervalWeeks: settings.supervisionIntervalWeeks, rows,
		facilitators: rows.length,
		supervisedWithinInterval: supervised,
		supervisedShare: rows.length === 0 ? null : supervised / rows.length,
		cpdHours: rows.reduce((sum, row) => sum + row.cpdHours, 0)
	};
}
