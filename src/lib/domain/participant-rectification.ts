import * as v from 'valibot';
import { optionalText, requiredText } from './fields.js';
import { parseParticipant, type ParticipantRecord } from './participant.js';
import { validate, type Validated } from './validation.js';

/** The details a coordinator corrects when a person says they are wrong. */
export const RECTIFIABLE_FIELDS = ['name', 'preferredName', 'language', 'prisonNumber', 'accessibilityNeeds'] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

export const RECTIFIABLE_FIELD_LABELS: Record<RectifiableField, string> = {
	name: 'Name',
	preferredName: 'Preferred name',
	language: 'Language they prefer',
	prisonNumber: 'Prison number',
	accessibilityNeeds: 'Accessibility needs'
};

export const rectificationSchema = v.strictObject({
	changes: v.pipe(
		v.strictObject({
			name: v.optional(v.string('Enter their name')),
			preferredName: v.optional(v.string('Enter their preferred name')),
			language: v.optional(v.string('Enter the language they prefer')),
			prisonNumber: v.optional(v.string('Enter a prison number')),
			accessibilityNeeds: v.optional(v.string('Enter their accessibility needs'))
		}),
		v.check((changes) => Object.keys(changes).length > 0, 'Change at least one detail')
	),
	reason: requiredText('Say why the details are being corrected', 2_000),
	note: v.optional(optionalText(2_000))
});
export type Rectification = v.InferOutput<typeof rectificationSchema>;

export function parseRectification(input: unknown): Validated<Rectification> {
	return validate(rectificationSchema, input);
}

export interface Corrected {
	record: ParticipantRecord;
	/** Each field that changed, with the value before and after: the audit database keeps these, devices never do. */
	changed: { field: RectifiableField; from: string; to: string }[];
}

/**
 * The participant with the corrections made, checked by the participant schema (so a bad value
 * is named and nothing changes). An empty preferred name or prison number removes it.
 */
export function rectify(participant: ParticipantRecord, changes: Rectification['changes'], at: string): Validated<Corrected> {
	const next: Record<string, unknown> = { ...participant };
	const changed: Corrected['changed'] = [];
	for (const field of RECTIFIABLE_FIELDS) {
		const to = changes[field];
		if (to === undefined) continue;
		const from = String(participant[field] ?? '');
		const value = to.trim();
		if (value === from) continue;
		if (value === '' && (field === 'preferredName' || field === 'prisonNumber')) delete next[field];
		else next[field] = field === 'accessibilityNeeds' ? to : value;
		changed.push({ field, from, to: value });
	}
	if (changed.length === 0) return { ok: false, problems: [{ path: 'changes', message: 'Nothing is different from the details held now' }] };
	const parsed = parseParticipant({ ...next, updatedAt: at });
	if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, path: `changes.${p.path}` })) };
	return { ok: true, value: { record: parsed.value, changed } };
}
