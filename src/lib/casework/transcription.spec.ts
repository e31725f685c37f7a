import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { recordRepository } from '../db/record-repository.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import { DEFAULT_CHECKLIST_TEMPLATE } from '../domain/checklist-template.js';
import { RESPONSIBLE } from '../domain/facts-fixtures.js';
import { parsePaperPack } from '../domain/paper-pack.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import { paperPackActions } from './paper-pack-actions.js';
import { emptyTranscription, saveTranscription, type TranscriptionContext, type TranscriptionForm } from './transcription.js';

const CASE = 'case-0001-abcd';
const TYPED = '2026-10-05T18:00:00.000Z';
const parsedPack = parsePaperPack({ ...exampleRecords['paper-pack'](), caseId: CASE, printedAt: '2026-10-01T09:00:00.000Z' });
if (!parsedPack.ok) throw new Error('the example pack is invalid');
const pack = parsedPack.value;
let serial = 0;

const repo = () => recordRepository(userDb('u1'));
const context = (): TranscriptionContext => ({
	caseId: CASE, stage: 'assessment', userId: 'user-facilitator-a', pack, template: DEFAULT_CHECKLIST_TEMPLATE,
	establishment: { id: 'establishment-0001', name: 'HMP Example' }, now: TYPED, newId: () => `typed-${++serial}-abcd`
});
const firstKey = `${DEFAULT_CHECKLIST_TEMPLATE.sections[0]!.id}.${DEFAULT_CHECKLIST_TEMPLATE.sections[0]!.questions[0]!.id}`;

function filled(change: (form: TranscriptionForm) => void = () => {}): TranscriptionForm {
	const form = emptyTranscription();
	form.paperDate = '2026-10-02';
	form.checklist = { participantId: RESPONSIBLE.id, answers: { [firstKey]: { answer: 'no', note: 'Said so at the visit', mitigation: '' } } };
	form.contact = { participantIds: [RESPONSIBLE.id], time: '10:30', outcome: 'completed', summary: 'Visit written up from paper' };
	form.consent = { participantId: RESPONSIBLE.id, purpose: 'take-part', decision: 'given' };
	change(form);
	return form;
}

describe('typing up a paper pack', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('saves the checklist answers, the visit and the consent, each marked as typed from paper with both dates', async () => {
		const saved = await saveTranscription(repo(), filled(), context());
		expect(saved.ok).toBe(true);
		const records = await repo().readCase(CASE);
		expect(records.map((r) => r.type).sort()).toEqual(['consent', 'contact', 'risk-assessment']);
		for (const record of records) expect('fromPaper' in record && record.fromPaper).toEqual({ paperDate: '2026-10-02', typedAt: TYPED, paperPackId: pack.id });
		const run = records.find((r) => r.type === 'risk-assessment');
		expect(run?.type === 'risk-assessment' && run.answers[firstKey]).toEqual({ answer: 'no', narrative: 'Said so at the visit', source: 'Paper pack, written on 2026-10-02', mitigation: '' });
	});

	it('binds the typed checklist to the version on the paper, not a newer one', async () => {
		await saveTranscription(repo(), filled(), { ...context(), pack: { ...pack, templateVersion: 1 } });
		const run = (await repo().readCase(CASE)).find((r) => r.type === 'risk-assessment');
		expect(run?.type === 'risk-assessment' && run.templateVersion).toBe(1);
	});

	it('saves only the sections filled in on the paper', async () => {
		const saved = await saveTranscription(repo(), filled((f) => ((f.checklist.participantId = ''), (f.consent.participantId = ''))), context());
		expect(saved.ok).toBe(true);
		expect((await repo().readCase(CASE)).map((r) => r.type)).toEqual(['contact']);
	});

	it('saves nothing and names the field when the consent section is half filled in', async () => {
		const saved = await saveTranscription(repo(), filled((f) => (f.consent.decision = '')), context());
		expect(saved).toEqual({ ok: false, problems: [{ path: 'consent.decision', message: 'Choose given, refused or withdrawn' }] });
		expect(await repo().readCase(CASE)).toEqual([]);
	});

	it('saves nothing when the date on the paper is missing or later than today', async () => {
		expect(await saveTranscription(repo(), filled((f) => (f.paperDate = '')), context())).toEqual({ ok: false, problems: [{ path: 'paperDate', message: 'Enter the date written on the paper' }] });
		expect(await saveTranscription(repo(), filled((f) => (f.paperDate = '2026-10-09')), context())).toEqual({
			ok: false, problems: [{ path: 'paperDate', message: 'The date on the paper cannot be after the day it was typed' }]
		});
		expect(await repo().readCase(CASE)).toEqual([]);
	});

	it('asks for at least one section when the paper came back blank', async () => {
		const form = emptyTranscription();
		form.paperDate = '2026-10-02';
		expect(await saveTranscription(repo(), form, context())).toMatchObject({ ok: false, problems: [{ path: 'sections' }] });
	});
});

describe('recording a printed pack', () => {
	beforeEach(() => unlockForTest('u1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('u1')));

	it('records who printed which template version, queues it for sync, and records it filed later', async () => {
		const actions = paperPackActions({ saver: repo(), user: { id: 'user-facilitator-a', displayName: 'Pat Facilitator' }, now: () => TYPED, newId: () => 'pack-0001-abcd' });
		const printed = await actions.print(CASE, DEFAULT_CHECKLIST_TEMPLATE);
		expect(printed.ok && printed.pack).toMatchObject({ status: 'printed', printedByName: 'Pat Facilitator', templateVersion: DEFAULT_CHECKLIST_TEMPLATE.version });
		expect(await userDb('u1').outbox.count()).toBe(1);
		if (!printed.ok) return;
		const filed = await actions.close(printed.pack, 'filed');
		expect(filed.ok && filed.pack.status).toBe('filed');
		expect(await userDb('u1').outbox.count()).toBe(2);
	});
});
