import { displayName, PARTICIPANT_ROLE_LABELS } from '../../domain/participant.js';
import type { DomainRecord } from '../../domain/records.js';
import type { ChangeOrigin } from '../../protocol/sync-conflict.js';
import { RECORD_NAMES } from './field-names.js';

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function formatMoment(iso: string): string {
	const at = new Date(iso);
	return Number.isNaN(at.getTime()) ? iso : dateTime.format(at);
}

/** Codes such as "custodial-sentence" read as words. */
const worded = (code: string) => code.replace(/-/g, ' ');

/** A stored value in plain words: text as written, yes/no, lists and small objects spelt out. */
export function valueText(value: unknown, kept = true): string {
	if (!kept || value === undefined || value === null) return 'Left empty';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'number') return value.toLocaleString('en-GB');
	if (typeof value === 'string') {
		if (value.trim() === '') return 'Left empty';
		if (ISO_MOMENT.test(value)) return formatMoment(value);
		return /^[a-z0-9]+(-[a-z0-9]+)+$/.test(value) && value.length < 40 ? worded(value) : value;
	}
	if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map((item) => valueText(item)).join(', ');
	if (typeof value === 'object') {
		const parts = Object.entries(value as Record<string, unknown>)
			.filter(([, inner]) => inner !== undefined && inner !== '')
			.map(([key, inner]) => `${worded(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())}: ${valueText(inner)}`);
		return parts.length === 0 ? 'Left empty' : parts.join('; ');
	}
	return String(value);
}

export interface Viewer {
	userId: string;
	deviceId: string;
}

/** Who kept a value and when, as a sentence; says plainly when the server did not record it. */
export function originText(origin: ChangeOrigin | undefined, viewer: Viewer): string {
	if (!origin || (!origin.userId && !origin.at)) return 'Who made this change and when was not recorded.';
	const who = origin.userId === viewer.userId ? 'you' : (origin.name ?? 'a colleague');
	const where = origin.deviceId === viewer.deviceId ? ' on this tablet' : origin.deviceId ? ' on another device' : '';
	const when = origin.at ? ` on ${formatMoment(origin.at)}` : '';
	return `Changed by ${who}${where}${when}.`;
}

/** Which record a line is about, in words: a person by name and role, else the kind of record. */
export function recordTitle(record: DomainRecord): string {
	if (record.type === 'participant') return `${displayName(record)} (${PARTICIPANT_ROLE_LABELS[record.role]})`;
	if (record.type === 'contact') return `Contact or visit on ${formatMoment(record.occurredAt)}`;
	if (record.type === 'meeting') return `Meeting on ${formatMoment(record.scheduledFor)}`;
	const name = RECORD_NAMES[record.type];
	return name.charAt(0).toUpperCase() + name.slice(1);
}
