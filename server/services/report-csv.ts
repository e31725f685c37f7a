import { CASE_STAGE_LABELS } from '../../src/lib/domain/case-stage.js';
import { DECLINE_REASON_LABELS } from '../../src/lib/domain/referral-decision.js';
import { REFERRAL_SOURCE_LABELS } from '../../src/lib/domain/case-words.js';
import { EXIT_REASON_WORDS, FUNNEL_STEPS } from '../../src/lib/protocol/report-words.js';
import type { ReportResponse } from '../../src/lib/protocol/reports.js';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number): string {
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (fields: (string | number)[]) => fields.map(csvField).join(',');

/** One table, section by section, so a spreadsheet opens it as it is. Lines end CRLF as RFC 4180 says. */
export function reportCsv(report: ReportResponse): string {
	const f = report.filters;
	const rows: (string | number)[][] = [
		['Section', 'Measure', 'Value'],
		['Filters', 'Referred from', f.from ?? 'any date'],
		['Filters', 'Referred to', f.to ?? 'any date'],
		['Filters', 'Referral source', f.source ? REFERRAL_SOURCE_LABELS[f.source] : 'All sources'],
		...FUNNEL_STEPS.map((step) => ['Referral funnel', step.label, report.funnel[step.key]]),
		...Object.entries(report.exits).map(([reason, n]) => ['Closed, by reason', EXIT_REASON_WORDS[reason as keyof typeof EXIT_REASON_WORDS], n]),
		['Referrals', 'Received', report.referrals.received],
		['Referrals', 'Waiting for a decision', report.referrals.waiting],
		['Referrals', 'Accepted', report.referrals.accepted],
		['Referrals', 'Declined', report.referrals.declined],
		...Object.entries(report.referrals.declineReasons).map(([reason, n]) => ['Declined, by reason', DECLINE_REASON_LABELS[reason as keyof typeof DECLINE_REASON_LABELS], n]),
		['Satisfaction', 'Responses', report.satisfaction.responses],
		['Satisfaction', 'Satisfied (4 or 5 out of 5)', report.satisfaction.satisfied],
		['Satisfaction', 'Share satisfied (%)', report.satisfaction.share === null ? '' : Math.round(report.satisfaction.share * 1000) / 10],
		['Satisfaction', 'Target (%)', report.satisfaction.target * 100],
		...report.satisfaction.scores.map((n, i) => ['Satisfaction', `Scored ${i + 1} out of 5`, n]),
		...report.stageTimes.map((t) => ['Average days in stage', CASE_STAGE_LABELS[t.stage], t.averageDays ?? '']),
		...report.stageTimes.map((t) => ['Completed stays in stage', CASE_STAGE_LABELS[t.stage], t.stays])
	];
	return rows.map(line).join('\r\n') + '\r\n';
}

/** e.g. tandem-report-2026-10-01-to-2026-10-31-self.csv */
export function reportFileName(filters: ReportResponse['filters']): string {
	const range = `${filters.from ?? 'start'}-to-${filters.to ?? 'now'}`;
	return `tandem-report-${range}${filters.source ? `-${filters.source}` : ''}.csv`;
}
