import * as v from 'valibot';
import type { PracticeEntry } from '../domain/practice-record.js';
import type { PracticeStanding } from '../domain/practice-due.js';
import type { PracticeReport } from '../domain/practice-report.js';
import type { PracticeSettings } from '../domain/practice-settings.js';

/** Facilitators' practice records: office only, kept on the server, never on a tablet. */

export const practiceUserParamsSchema = v.strictObject({
	userId: v.pipe(v.string('Choose a facilitator'), v.uuid('Choose a facilitator from the list'))
});

const reportDay = (message: string) => v.pipe(v.string(message), v.isoDate('Enter a date like 2026-10-01'));

export const practiceReportQuerySchema = v.pipe(
	v.strictObject({ from: reportDay('Enter the first day of the period'), to: reportDay('Enter the last day of the period') }),
	v.forward(
		v.check((q) => q.from <= q.to, 'The period must end on or after the day it starts'),
		['to']
	)
);
export type PracticeReportQuery = v.InferOutput<typeof practiceReportQuerySchema>;

/** One facilitator as the coordinator's overview shows them. */
export interface PracticeOverviewRow {
	userId: string;
	displayName: string;
	startedOn: string;
	standing: PracticeStanding;
}

export interface PracticeOverviewResponse {
	today: string;
	settings: PracticeSettings;
	facilitators: PracticeOverviewRow[];
}

export interface PracticeRecordsResponse extends PracticeOverviewRow {
	today: string;
	settings: PracticeSettings;
	/** Newest first. */
	entries: PracticeEntry[];
}

export type PracticeReportResponse = PracticeReport;
