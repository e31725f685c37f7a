import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { outbox } from '../db/outbox.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import type { LetterRecord } from '../domain/letter.js';
import { LetterEditor } from './letter-editor.svelte.js';

const CASE = 'case-0001-abcd';
const LETTER = 'letter-0001-abcd';
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 9, 2, 9, 0, tick++)).toISOString();
const editorFor = (userId: string) => new LetterEditor({ repo: recordRepository(userDb('u1')), caseId: CASE, letterId: LETTER, userId, now: clock });
const stored = async () => (await recordRepository(userDb('u1')).readCase(CASE)).find((r) => r.id === LETTER) as LetterRecord | undefined;

describe('the letter editor', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('creates the letter once and keeps saving the words typed into it', async () => {
		const editor = editorFor('user-a');
		editor.receive(undefined);
		editor.from = ['participant-pr-0001'];
		editor.body = 'I am';
		editor.changed();
		await editor.flush();
		editor.receive(undefined); // a live query that ran before the first save landed
		editor.body = 'I am sorry.';
		editor.changed();
		await editor.flush();
		expect(await stored()).toMatchObject({ body: 'I am sorry.', status: 'draft', createdBy: 'user-a' });
		const sent = await outbox(userDb('u1')).take(10);
		expect(sent.map((change) => change.record.createdAt)).toEqual([sent[0]!.record.createdAt, sent[0]!.record.createdAt]);
	});

	it('names the missing writer and the missing words, and saves nothing', async () => {
		const editor = editorFor('user-a');
		editor.receive(undefined);
		editor.body = 'Hello';
		editor.changed();
		await editor.flush();
		expect(editor.problemAt('fromParticipantId')).toBe('Choose who is writing the letter');
		editor.from = ['participant-pr-0001'];
		editor.body = '  ';
		editor.changed();
		await editor.flush();
		expect(editor.saveState).toBe('refused');
		expect(editor.problemAt('body')).toBe('Write the letter');
		expect(await stored()).toBeUndefined();
	});

	it('sends a reviewed letter back to draft when the author changes its words', async () => {
		const author = editorFor('user-a');
		author.receive(undefined);
		author.from = ['participant-pr-0001'];
		author.body = 'First words.';
		author.changed();
		expect(await author.act('ask-review')).toBe(true);
		const reviewer = editorFor('user-b');
		reviewer.receive(await stored());
		expect(await reviewer.act('review', 'Fine')).toBe(true);
		author.receive(await stored());
		expect(author.letter?.status).toBe('reviewed');
		author.body = 'Different words.';
		author.changed();
		await author.flush();
		expect(await stored()).toMatchObject({ status: 'draft', body: 'Different words.' });
		expect(await author.act('send')).toBe(false);
		expect(author.refusals.map((f) => f.reason)).toEqual(['The co-facilitator must review the letter before it is sent']);
	});

	it('shows the edit the co-facilitator made when nothing typed here is waiting to be saved', async () => {
		const author = editorFor('user-a');
		author.receive(undefined);
		author.from = ['participant-pr-0001'];
		author.body = 'I live on Example Street and I am sorry.';
		author.changed();
		await author.flush();
		const reviewer = editorFor('user-b');
		reviewer.receive(await stored());
		reviewer.body = 'I am sorry.';
		reviewer.changed();
		await reviewer.flush();
		author.receive(await stored());
		expect(author.body).toBe('I am sorry.');
		author.body = 'I am truly sorry.';
		author.changed();
		author.receive({ ...(await stored())!, body: 'Someone else', updatedAt: '2026-12-01T00:00:00.000Z' });
		expect(author.body).toBe('I am truly sorry.');
	});
});
