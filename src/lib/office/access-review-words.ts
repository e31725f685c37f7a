import type { AccessReviewLine, AccessScreen } from '../protocol/access-review.js';
import type { AuditAction } from '../protocol/audit.js';

export interface AccessReviewForm {
	caseReference: string;
	userId: string;
	from: string;
	to: string;
}

/** The form as the API's query string: only the fields filled in. */
export function accessQueryString(form: AccessReviewForm): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(form)) if (value.trim() !== '') params.set(key, value.trim());
	return params.toString();
}

const SCREEN_WORDS: Record<AccessScreen, string> = {
	case: 'the case file',
	notes: 'case notes',
	checklist: 'risk checklists',
	consent: 'consent',
	contacts: 'contacts and visits',
	letters: 'letters',
	meetings: 'meetings',
	conflicts: 'decisions needed',
	other: 'another case screen'
};

const ACTION_WORDS: Record<AuditAction, string> = {
	read: 'Opened',
	create: 'Added a record',
	change: 'Changed',
	export: 'Exported',
	delete: 'Removed'
};

/** What happened, in words: "Opened case notes on a tablet, offline". */
export function accessWords(line: AccessReviewLine): string {
	const what = line.action === 'read' && line.screen ? `Opened ${SCREEN_WORDS[line.screen]}` : ACTION_WORDS[line.action];
	return line.source === 'offline-report' ? `${what} (offline, reported at sync)` : what;
}

export const FLAG_WORDS = { 'not-assigned': 'Not assigned to this case at the time: check why' } as const;
