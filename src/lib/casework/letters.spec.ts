import { describe, expect, it } from 'vitest';
import { parseLetter, type LetterRecord } from '../domain/letter.js';
import { applyLetterAction, letterActions, letterStatusWords, startLetter } from './letters.js';

const AT = '2026-10-02T09:00:00.000Z';
const AUTHOR = 'user-facilitator-a';
const CO = 'user-facilitator-b';
const draft = (to?: string): LetterRecord => {
	const parsed = parseLetter(startLetter({ id: 'letter-0001-abcd', caseId: 'case-0001-abcd', by: AUTHOR, at: AT, fromParticipantId: 'participant-pr-0001', toParticipantId: to, body: 'I am sorry.' }));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.value;
};
const step = (letter: LetterRecord, action: Parameters<typeof applyLetterAction>[1], by: string) => {
	const result = applyLetterAction(letter, action, by, AT, 'Checked');
	if (!result.ok) throw new Error(result.failures[0].reason);
	return result.value;
};

describe('a letter on the tablet', () => {
	it('starts as a valid draft by the person signed in', () => {
		expect(draft()).toMatchObject({ status: 'draft', createdBy: AUTHOR });
		expect(draft()).not.toHaveProperty('toParticipantId');
	});

	it('offers its author the ask for review, and its co-facilitator the review', () => {
		expect(letterActions(draft('participant-hp-0001'), AUTHOR, AT)).toEqual(['ask-review', 'keep-unsent']);
		const asked = step(draft('participant-hp-0001'), 'ask-review', AUTHOR);
		expect(letterStatusWords(asked, AUTHOR)).toBe('Draft, waiting for your co-facilitator to review');
		expect(letterStatusWords(asked, CO)).toBe('Draft, waiting for your review');
		expect(letterActions(asked, AUTHOR, AT)).toEqual(['keep-unsent']);
		expect(letterActions(asked, CO, AT)).toEqual(['review', 'keep-unsent']);
	});

	it('can be sent only once reviewed and addressed', () => {
		const reviewed = step(step(draft(), 'ask-review', AUTHOR), 'review', CO);
		expect(letterStatusWords(reviewed, AUTHOR)).toBe('Reviewed by your co-facilitator, ready to send');
		expect(letterActions(reviewed, AUTHOR, AT)).toEqual(['keep-unsent']);
		const addressed = { ...reviewed, toParticipantId: 'participant-hp-0001' };
		expect(letterActions(addressed, AUTHOR, AT)).toEqual(['send', 'keep-unsent']);
		const sent = step(addressed, 'send', AUTHOR);
		expect(letterStatusWords(sent, AUTHOR)).toBe('Sent on 2 October 2026');
		expect(letterActions(sent, AUTHOR, AT)).toEqual([]);
	});

	it('refuses a review by its own author, with the reason', () => {
		expect(applyLetterAction(draft(), 'review', AUTHOR, AT)).toMatchObject({ ok: false, failures: [{ reason: 'The co-facilitator reviews a letter, not its author' }] });
	});

	it('may be kept and not sent without a review', () => {
		expect(letterStatusWords(step(draft(), 'keep-unsent', AUTHOR), AUTHOR)).toBe('Kept and not sent');
	});
});
