import * as v from 'valibot';
import { caseDocumentFields, isoDate, isoDateTime, optionalText, recordId, requiredText, userId } from './fields.js';
import { gate, refuse, type Gated } from './gate.js';
import { validate, type Validated } from './validation.js';

/** "not-sent" is a legitimate end: a letter written and never sent can help its writer. */
export const LETTER_STATUSES = ['draft', 'reviewed', 'sent', 'not-sent'] as const;

const entries = {
	type: v.literal('letter'),
	v: v.literal(1),
	...caseDocumentFields,
	fromParticipantId: recordId,
	toParticipantId: v.optional(recordId),
	body: requiredText('Write the letter', 50_000),
	status: v.picklist(LETTER_STATUSES, 'Choose draft, reviewed, sent or not sent'),
	/** When the author asked the co-facilitator to review this version of the draft. */
	reviewRequestedAt: v.optional(isoDateTime),
	reviewedBy: v.optional(userId('Record who reviewed the letter')),
	reviewedAt: v.optional(isoDateTime),
	reviewNote: v.optional(optionalText(5_000)),
	sentAt: v.optional(isoDateTime),
	deliveredOn: v.optional(isoDate)
};

type LetterShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;
const reviewedOrSent = (l: LetterShape) => l.status === 'reviewed' || l.status === 'sent';

export const letterSchema = v.pipe(
	v.strictObject(entries),
	v.forward(v.check((l: LetterShape) => !reviewedOrSent(l) || l.reviewedBy !== undefined, 'Record who reviewed the letter'), ['reviewedBy']),
	v.forward(v.check((l: LetterShape) => !reviewedOrSent(l) || l.reviewedAt !== undefined, 'Record when the letter was reviewed'), ['reviewedAt']),
	v.forward(v.check((l: LetterShape) => l.status !== 'sent' || l.toParticipantId !== undefined, 'Choose who the letter is to'), ['toParticipantId']),
	v.forward(v.check((l: LetterShape) => l.status !== 'sent' || l.sentAt !== undefined, 'Record when the letter was sent'), ['sentAt']),
	v.forward(v.check((l: LetterShape) => l.status === 'sent' || l.deliveredOn === undefined, 'Only a sent letter can be delivered'), ['deliveredOn'])
);

export type LetterRecord = v.InferOutput<typeof letterSchema>;

export function parseLetter(input: unknown): Validated<LetterRecord> {
	return validate(letterSchema, input);
}

const FINAL = refuse('letter-already-final', 'This letter has been sent or set aside and cannot change');
const isFinal = (letter: LetterRecord) => letter.status === 'sent' || letter.status === 'not-sent';

/** The co-facilitator checks a draft for anything harmful or identifying; the author cannot. */
export function reviewLetter(letter: LetterRecord, reviewer: string, at: string, note = ''): Gated<LetterRecord> {
	const failures = isFinal(letter)
		? [FINAL]
		: reviewer === letter.createdBy
			? [refuse('letter-reviewer-is-author', 'The co-facilitator reviews a letter, not its author')]
			: [];
	return gate(failures, () => ({ ...letter, status: 'reviewed' as const, reviewedBy: reviewer, reviewedAt: at, reviewNote: note, updatedAt: at }));
}

export function sendLetter(letter: LetterRecord, at: string): Gated<LetterRecord> {
	const failures = isFinal(letter)
		? [FINAL]
		: letter.status !== 'reviewed'
			? [refuse('letter-not-reviewed', 'The co-facilitator must review the letter before it is sent')]
			: [];
	return gate(failures, () => ({ ...letter, status: 'sent' as const, sentAt: at, updatedAt: at }));
}

/** The author asks the co-facilitator to check the draft; a reviewed letter needs no second ask. */
export function requestReview(letter: LetterRecord, at: string): Gated<LetterRecord> {
	const failures = isFinal(letter)
		? [FINAL]
		: letter.status === 'reviewed'
			? [refuse('letter-already-reviewed', 'The co-facilitator has already reviewed this letter')]
			: [];
	return gate(failures, () => ({ ...letter, reviewRequestedAt: at, updatedAt: at }));
}

export interface LetterChanges {
	body?: string;
	toParticipantId?: string;
}

/**
 * Changing the words or the recipient after a review undoes the review and any ask for one:
 * what is sent must be what the co-facilitator checked.
 */
export function reviseLetter(letter: LetterRecord, changes: LetterChanges, at: string): Gated<LetterRecord> {
	return gate(isFinal(letter) ? [FINAL] : [], () => {
		const changed = (changes.body !== undefined && changes.body !== letter.body) || (changes.toParticipantId !== undefined && changes.toParticipantId !== letter.toParticipantId);
		if (!changed) return letter;
		const next: LetterRecord = { ...letter, ...changes, updatedAt: at };
		if (letter.status !== 'reviewed') return next;
		const unreviewed: LetterRecord = { ...next, status: 'draft' };
		for (const field of ['reviewedBy', 'reviewedAt', 'reviewNote', 'reviewRequestedAt'] as const) delete unreviewed[field];
		return unreviewed;
	});
}

/** Keeping a letter unsent needs no review and no reason. */
export function keepUnsent(letter: LetterRecord, at: string): Gated<LetterRecord> {
	return gate(isFinal(letter) ? [FINAL] : [], () => ({ ...letter, status: 'not-sent' as const, updatedAt: at }));
}
