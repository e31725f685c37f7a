import * as v from 'valibot';
import { caseDocumentFields, recordId, requiredText } from './fields.js';
import { validate, type Validated } from './validation.js';

/**
 * Append-only: a note is never edited. A correction is a new note naming the one it amends,
 * and the earlier text is kept. Notes name the participants they are about, so a subject
 * access request can redact what concerns the other party.
 */
export const caseNoteSchema = v.strictObject({
	type: v.literal('case-note'),
	v: v.literal(1),
	...caseDocumentFields,
	text: requiredText('Write the note', 20_000),
	aboutParticipantIds: v.array(recordId),
	amendsNoteId: v.optional(recordId)
});

export type CaseNoteRecord = v.InferOutput<typeof caseNoteSchema>;

export function parseCaseNote(input: unknown): Validated<CaseNoteRecord> {
	return validate(caseNoteSchema, input);
}

export interface NoteWithHistory {
	current: CaseNoteRecord;
	/** Earlier versions, oldest first. */
	earlier: CaseNoteRecord[];
}

/**
 * Folds amendments into their original note: each original appears once, showing its latest
 * amendment (by createdAt, then id, so every device agrees), with every earlier text kept.
 */
export function notesWithHistory(notes: readonly CaseNoteRecord[]): NoteWithHistory[] {
	const byId = new Map(notes.map((note) => [note.id, note]));
	const rootOf = (note: CaseNoteRecord): string => {
		const seen = new Set<string>();
		let at = note;
		while (at.amendsNoteId && byId.has(at.amendsNoteId) && !seen.has(at.id)) {
			seen.add(at.id);
			at = byId.get(at.amendsNoteId)!;
		}
		return at.id;
	};
	const chains = new Map<string, CaseNoteRecord[]>();
	for (const note of notes) chains.set(rootOf(note), [...(chains.get(rootOf(note)) ?? []), note]);
	const order = (a: CaseNoteRecord, b: CaseNoteRecord) =>
		a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
	return [...chains.values()]
		.map((chain) => chain.sort(order))
		.map((chain) => ({ current: chain[chain.length - 1]!, earlier: chain.slice(0, -1) }))
		.sort((a, b) => order(a.earlier[0] ?? a.current, b.earlier[0] ?? b.current));
}
