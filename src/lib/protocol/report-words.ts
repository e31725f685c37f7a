import type { ExitReason } from '../domain/case-record.js';
import type { ReportFunnel } from './reports.js';

/** Plain words for report figures, shared by the screen and the CSV export. */
export const FUNNEL_STEPS: { key: keyof ReportFunnel; label: string }[] = [
	{ key: 'referred', label: 'Referred' },
	{ key: 'contacted', label: 'Contacted' },
	{ key: 'assessed', label: 'Assessed' },
	{ key: 'communication', label: 'Indirect communication or meeting' },
	{ key: 'indirect', label: 'Indirect communication' },
	{ key: 'direct', label: 'Meeting (direct)' },
	{ key: 'outcome', label: 'Outcome and follow-up' },
	{ key: 'closed', label: 'Closed' }
];

export const EXIT_REASON_WORDS: Record<ExitReason, string> = {
	completed: 'Completed',
	'withdrawn-by-harmed-person': 'Harmed person withdrew',
	'withdrawn-by-person-responsible': 'Person responsible withdrew',
	unsuitable: 'Not suitable',
	'unable-to-contact': 'Could not make contact',
	other: 'Another reason'
};
