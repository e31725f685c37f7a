import {
	keepUnsent,
	requestReview,
	reviewLetter,
	sendLetter,
	type LetterRecord
} from '../domain/letter.js';
import type { Gated } from '../domain/gate.js';

export interface NewLetter {
	id: string;
	caseId: string;
	by: string;
	at: string;
	fromParticipantId: string;
	toParticipantId?: string;
	body: string;
}

/** A new letter as the repository validates it: always a draft, written by the person signed in. */
export function startLetter(letter: NewLetter): Record<string, unknown> {
	return {
		type: 'letter',
		v: 1,
		id: letter.id,
		caseId: letter.caseId,
		createdAt: letter.at,
		updatedAt: letter.at,
		createdBy: letter.by,
		fromParticipantId: letter.fromParticipantId,
		...(letter.toParticipantId ? { toParticipantId: letter.toParticipantId } : {}),
		body: letter.body,
		status: 'draft'
	};
}

/** The device's clock, as the records store it. */
export const nowIso = (): string => new Date().toISOString();

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
export const formatDay = (iso: string) => dayFormat.format(new Date(iso));

/** Where the letter stands, in words for the person looking at it. */
export function letterStatusWords(letter: LetterRecord, userId: string): string {
	const mine = letter.createdBy === userId;
	switch (letter.status) {
		case 'draft':
			if (!letter.reviewRequestedAt) return 'Draft';
			return mine ? 'Draft, waiting for your co-facilitator to review' : 'Draft, waiting for your review';
		case 'reviewed':
			return `Reviewed by ${letter.reviewedBy === userId ? 'you' : 'your co-facilitator'}, ready to send`;
		case 'sent':
			return `Sent on ${formatDay(letter.sentAt!)}`;
		case 'not-sent':
			return 'Kept and not sent';
	}
}

export type LetterAction = 'ask-review' | 'review' | 'send' | 'keep-unsent';

/**
 * The next steps open to this person, asked of the domain's own rules: the author asks for a
 * review, the co-facilitator reviews, a reviewed letter to someone can be sent, any letter not
 * yet final can be kept unsent.
 */
export function letterActions(letter: LetterRecord, userId: string, now: string): LetterAction[] {
	const actions: LetterAction[] = [];
	const mine = letter.createdBy === userId;
	if (mine && !letter.reviewRequestedAt && requestReview(letter, now).ok) actions.push('ask-review');
	if (!mine && letter.status === 'draft' && reviewLetter(letter, userId, now).ok) actions.push('review');
	if (letter.toParticipantId && sendLetter(letter, now).ok) actions.push('send');
	if (keepUnsent(letter, now).ok) actions.push('keep-unsent');
	return actions;
}

/** Applies a step through the domain, which refuses it with reasons when the rules do not allow it. */
export function applyLetterAction(letter: LetterRecord, action: LetterAction, userId: string, at: string, note = ''): Gated<LetterRecord> {
	switch (action) {
		case 'ask-review':
			return requestReview(letter, at);
		case 'review':
			return reviewLetter(letter, userId, at, note);
		case 'send':
			return sendLetter(letter, at);
		case 'keep-unsent':
			return keepUnsent(letter, at);
	}
}
