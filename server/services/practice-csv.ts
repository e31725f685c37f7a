import type { PracticeReportResponse } from '../../src/lib/protocol/practice.js';
import { csvField } from './report-csv.js';

const line = (fields: (string | number)[]) => fields.map(csvField).join(',');
const percent = (share: number | null) => (share === null ? '' : Math.round(share * 1000) / 10);

/** One row per facilitator, then the service's totals; CRLF line ends as RFC 4180 says. */
export function practiceReportCsv(report: PracticeReportResponse): string {
	const rows: (string | number)[][] = [
		['Facilitator', 'Supervision sessions', `Supervised within ${report.supervisionIntervalWeeks} weeks throughout`, 'CPD hours', 'CPD entries'],
		...report.rows.map((r) => [r.displayName, r.supervisions, r.supervisedWithinInterval ? 'Yes' : 'No', r.cpdHours, r.cpdEntries]),
		['All facilitators', report.rows.reduce((n, r) => n + r.supervisions, 0), `${report.supervisedWithinInterval} of ${report.facilitators}`, report.cpdHours, report.rows.reduce((n, r) => n + r.cpdEntries, 0)],
		['Share supervised within the interval (%)', '', percent(report.supervisedShare), '', ''],
		['Period', report.from, report.to, '', '']
	];
	return rows.map(line).join('\r\n') + '\r\n';
}

export const practiceReportFileName = (report: PracticeReportResponse) => `tandem-practice-${report.from}-to-${report.to}.csv`;
