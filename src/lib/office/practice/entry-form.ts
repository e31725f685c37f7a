import type { PracticeKind } from '../../domain/practice-record.js';

/** The add-entry form as typed: every field is text until it is sent. */
export interface EntryForm {
	kind: PracticeKind;
	date: string;
	supervisor: string;
	caseReferences: string;
	notes: string;
	nextDue: string;
	observer: string;
	outcome: string;
	title: string;
	hours: string;
	provider: string;
	body: string;
	awarded: string;
	renewal: string;
}

export const emptyEntryForm = (kind: PracticeKind = 'supervision'): EntryForm => ({
	kind, date: '', supervisor: '', caseReferences: '', notes: '', nextDue: '', observer: '', outcome: '', title: '', hours: '', provider: '', body: '', awarded: '', renewal: ''
});

/** Hours a person typed: a number when it reads as one, else the text, so the schema can say what is wrong. */
const hoursOf = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** References typed one per line or separated by commas, in capitals as the service writes them. */
export const referencesOf = (text: string): string[] =>
	text.split(/[\n,]+/).map((part) => part.trim().toUpperCase()).filter(Boolean);

/** The request for the chosen kind: only its own fields, as the server's strict schema expects. */
export function entryRequest(form: EntryForm): Record<string, unknown> {
	switch (form.kind) {
		case 'supervision':
			return { kind: 'supervision', date: form.date, supervisor: form.supervisor, caseReferences: referencesOf(form.caseReferences), notes: form.notes, ...(form.nextDue ? { nextDue: form.nextDue } : {}) };
		case 'observation':
			return { kind: 'observation', date: form.date, observer: form.observer, outcome: form.outcome, notes: form.notes };
		case 'training':
			return { kind: 'training', date: form.date, title: form.title, hours: hoursOf(form.hours), provider: form.provider };
		case 'accreditation':
			return { kind: 'accreditation', body: form.body, awarded: form.awarded, renewal: form.renewal };
	}
}

/** Today on this device, as a calendar day: what "not in the future" is checked against before sending. */
export function deviceToday(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
