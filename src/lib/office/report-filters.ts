import { REFERRAL_SOURCES } from '../domain/case-record.js';
import type { ReportQuery } from '../protocol/reports.js';

/** The report's filters as the form holds them: empty text means "any". */
export interface ReportFilterForm {
	from: string;
	to: string;
	source: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads filters from the page address, dropping anything that is not a day or a known source. */
export function filtersFromUrl(params: URLSearchParams): ReportFilterForm {
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	const source = params.get('source') ?? '';
	return {
		from: DAY.test(from) ? from : '',
		to: DAY.test(to) ? to : '',
		source: (REFERRAL_SOURCES as readonly string[]).includes(source) ? source : ''
	};
}

/** `?from=…&to=…&source=…` with only the filters set, or '' for none; the API and the page share it. */
export function reportQueryString(form: ReportFilterForm): string {
	const query = new URLSearchParams();
	for (const key of ['from', 'to', 'source'] as const) if (form[key]) query.set(key, form[key]);
	const text = query.toString();
	return text ? `?${text}` : '';
}

export type { ReportQuery };
