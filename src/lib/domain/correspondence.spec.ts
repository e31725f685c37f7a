import { describe, expect, it } from 'vitest';
import { notesWithHistory, type CaseNoteRecord } from './case-note.js';
import { currentConsent } from './consent.js';
import { consent, daysAfter } from './facts-fixtures.js';
import { keepUnsent, parseLetter, requestReview, reviseLetter, reviewLetter, sendLetter, type LetterRecord } from './letter.js';
import { readyToReport, type OutcomeAgreementRecord } from './outcome-agreement.js';
import { exampleRecords } from './record-fixtures.js';

const AT = '2026-10-02T09:00:00.000Z';
const letter = () => exampleRecords.letter() as LetterRecord;
const note = (id: string, createdAt: string, amendsNoteId?: string) =>
	({ ...exampleRecords['case-note'](), id, createdAt, text: `text of ${id}`, ...(amendsNoteId ? { amendsNoteId } : {}) }) as CaseNoteRecord;

describe('a letter', () => {
	it('is reviewed by the co-facilitator and then sent', () => {
		const reviewed = reviewLetter(letter(), 'user-facilitator-b', AT, 'Removed the street name');
		expect(reviewed.ok && reviewed.value).toMatchObject({ status: 'reviewed', reviewedBy: 'user-facilitator-b', reviewedAt: AT });
		const sent = reviewed.ok ? sendLetter(reviewed.value, AT) : reviewed;
		expect(sent.ok && sent.value).toMatchObject({ status: 'sent', sentAt: AT });
		expect(sent.ok && parseLetter(sent.value).ok).toBe(true);
	});

	it('is not reviewed by its own author', () => {
		expect(reviewLetter(letter(), 'user-facilitator-a', AT)).toEqual({
			ok: false,
			failures: [{ code: 'letter-reviewer-is-author', reason: 'The co-facilitator reviews a letter, not its author' }]
		});
	});

	it('is not sent before review', () => {
		expect(sendLetter(letter(), AT)).toEqual({
			ok: false,
			failures: [{ code: 'letter-not-reviewed', reason: 'The co-facilitator must review the letter before it is sent' }]
		});
	});

	it('may be kept unsent, which is final', () => {
		const kept = keepUnsent(letter(), AT);
		expect(kept.ok && kept.value.status).toBe('not-sent');
		expect(kept.ok && parseLetter(kept.value).ok).toBe(true);
		if (kept.ok) expect(reviewLetter(kept.value, 'user-facilitator-b', AT)).toMatchObject({ ok: false, failures: [{ code: 'letter-already-final' }] });
	});
});

describe('asking for a review of a letter', () => {
	it('records when the author asked, and the letter stays a draft', () => {
		const asked = requestReview(letter(), AT);
		expect(asked.ok && asked.value).toMatchObject({ status: 'draft', reviewRequestedAt: AT, updatedAt: AT });
		expect(asked.ok && parseLetter(asked.value).ok).toBe(true);
	});

	it('is refused once the letter has been reviewed or sent', () => {
		const reviewed = reviewLetter(letter(), 'user-facilitator-b', AT);
		if (!reviewed.ok) throw new Error('review refused');
		expect(requestReview(reviewed.value, AT)).toMatchObject({ ok: false, failures: [{ code: 'letter-already-reviewed' }] });
		const sent = sendLetter(reviewed.value, AT);
		if (!sent.ok) throw new Error('send refused');
		expect(requestReview(sent.value, AT)).toMatchObject({ ok: false, failures: [{ code: 'letter-already-final' }] });
	});
});

describe('changing a letter', () => {
	const reviewed = () => {
		const asked = requestReview(letter(), AT);
		const result = asked.ok ? reviewLetter(asked.value, 'user-facilitator-b', AT, 'Fine to send') : asked;
		if (!result.ok) throw new Error('review refused');
		return result.value;
	};

	it('keeps the review when nothing really changed', () => {
		const same = reviseLetter(reviewed(), { body: reviewed().body }, '2026-10-03T09:00:00.000Z');
		expect(same.ok && same.value).toEqual(reviewed());
	});

	it('takes a reviewed letter back to draft when its words change, so only checked words are sent', () => {
		const changed = reviseLetter(reviewed(), { body: 'I am sorry, and I have changed.' }, '2026-10-03T09:00:00.000Z');
		if (!changed.ok) throw new Error('revision refused');
		expect(changed.value.status).toBe('draft');
		expect(changed.value).not.toHaveProperty('reviewedBy');
		expect(changed.value).not.toHaveProperty('reviewRequestedAt');
		expect(parseLetter(changed.value).ok).toBe(true);
		expect(sendLetter(changed.value, AT)).toMatchObject({ ok: false, failures: [{ code: 'letter-not-reviewed' }] });
	});

	it('is refused once the letter is sent or kept unsent', () => {
		const kept = keepUnsent(letter(), AT);
		if (!kept.ok) throw new Error('keep refused');
		expect(reviseLetter(kept.value, { body: 'New words' }, AT)).toMatchObject({ ok: false, failures: [{ code: 'letter-already-final' }] });
	});
});

describe('case notes', () => {
	it('show the latest amendment and keep every earlier text', () => {
		const notes = [note('note-b-000001', daysAfter(1)), note('note-a-000001', daysAfter(0)), note('note-a-000002', daysAfter(2), 'note-a-000001'), note('note-a-000003', daysAfter(3), 'note-a-000002')];
		const folded = notesWithHistory(notes);
		expect(folded.map((n) => n.current.id)).toEqual(['note-a-000003', 'note-b-000001']);
		expect(folded[0]!.earlier.map((n) => n.text)).toEqual(['text of note-a-000001', 'text of note-a-000002']);
	});

	it('keep an amendment of a note this device does not hold', () => {
		const folded = notesWithHistory([note('note-c-000002', daysAfter(1), 'note-c-000001')]);
		expect(folded).toEqual([{ current: expect.objectContaining({ id: 'note-c-000002' }), earlier: [] }]);
	});
});

describe('consent', () => {
	it('is the latest decision for the purpose, by when the person made it', () => {
		const consents = [consent('person-0001', 'refused', daysAfter(0)), consent('person-0001', 'given', daysAfter(2)), consent('person-0001', 'withdrawn', daysAfter(1))];
		expect(currentConsent(consents, 'person-0001', 'take-part')?.decision).toBe('given');
		expect(currentConsent(consents, 'person-0002', 'take-part')).toBeUndefined();
	});
});

describe('an outcome agreement', () => {
	it('is ready to report to the harmed person once no action is open', () => {
		const agreement = exampleRecords['outcome-agreement']() as OutcomeAgreementRecord;
		expect(readyToReport(agreement)).toBe(false);
		expect(readyToReport({ ...agreement, actions: [{ ...agreement.actions[0]!, status: 'done', completedOn: '2026-11-01' }] })).toBe(true);
	});
});
