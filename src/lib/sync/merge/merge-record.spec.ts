import { describe, expect, it } from 'vitest';
import { exampleRecords, exampleWith } from '../../domain/record-fixtures.js';
import { mergeRecord } from './merge-record.js';

const later = '2026-10-02T09:00:00.000Z';

describe('mergeRecord', () => {
	it('takes a change made on one side only', () => {
		const ancestor = exampleRecords.case();
		const remote = exampleWith('case', (c) => (c.stage = 'preparation'));
		const result = mergeRecord({ ancestor, local: ancestor, remote });
		expect(result).toEqual({ ok: true, record: remote, conflicts: [] });
	});

	it('merges changes to different fields without a conflict', () => {
		const ancestor = exampleRecords.contact();
		const local = exampleWith('contact', (c) => (c.summary = 'Longer summary.'));
		const remote = exampleWith('contact', (c) => (c.place = 'Visits hall'));
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && result.record).toMatchObject({ summary: 'Longer summary.', place: 'Visits hall' });
		expect(result.ok && result.conflicts).toEqual([]);
	});

	it('keeps both values when both sides changed a field differently', () => {
		const ancestor = exampleRecords.letter();
		const local = exampleWith('letter', (l) => (l.body = 'Local words.'));
		const remote = exampleWith('letter', (l) => (l.body = 'Remote words.'));
		const origins = { remote: { userId: 'user-coordinator', at: later } };
		const result = mergeRecord({ ancestor, local, remote, origins });
		expect(result.ok && result.record.body).toBe('Local words.');
		expect(result.ok && result.conflicts).toEqual([
			{
				path: ['body'],
				ancestor: { value: 'I want to say that I am sorry.' },
				values: [{ value: 'Local words.' }, { value: 'Remote words.', origin: origins.remote }]
			}
		]);
	});

	it('keeps a cleared field as a value without one', () => {
		const ancestor = exampleWith('case', (c) => (c.exitNote = 'Draft'));
		const local = exampleWith('case', (c) => (c.exitNote = 'Final'));
		const remote = exampleRecords.case();
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && result.conflicts[0]?.values).toEqual([{ value: 'Final' }, {}]);
	});

	it('merges assessment answers question by question', () => {
		const ancestor = exampleRecords['risk-assessment']();
		const answer = (narrative: string) => ({ answer: 'yes', narrative, source: '', mitigation: '' });
		const local = exampleWith('risk-assessment', (a) => (a.answers['safety.threats'] = answer('Threat noted.')));
		const remote = exampleWith('risk-assessment', (a) => (a.answers['wellbeing.support'] = answer('Has a supporter.')));
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && Object.keys(result.record.answers as object).sort()).toEqual(['safety.physical-harm', 'safety.threats', 'wellbeing.support']);
	});

	it('puts a clash on one answer in a conflict on that answer alone', () => {
		const ancestor = exampleRecords['risk-assessment']();
		const local = exampleWith('risk-assessment', (a) => (a.answers['safety.physical-harm'].narrative = 'A'));
		const remote = exampleWith('risk-assessment', (a) => (a.answers['safety.physical-harm'].narrative = 'B'));
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && result.conflicts.map((c) => c.path)).toEqual([['answers', 'safety.physical-harm']]);
	});

	it('keeps ids added on either side of a list and drops ids removed on either side', () => {
		const ancestor = exampleWith('meeting', (m) => (m.supporterIds = ['supporter-aaaa', 'supporter-bbbb']));
		const local = exampleWith('meeting', (m) => (m.supporterIds = ['supporter-aaaa', 'supporter-bbbb', 'supporter-cccc']));
		const remote = exampleWith('meeting', (m) => (m.supporterIds = ['supporter-bbbb', 'supporter-dddd']));
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && result.record.supporterIds).toEqual(['supporter-bbbb', 'supporter-cccc', 'supporter-dddd']);
	});

	it('takes the later updatedAt without a conflict', () => {
		const ancestor = exampleRecords.case();
		const local = exampleWith('case', (c) => ((c.stage = 'preparation'), (c.updatedAt = later)));
		const remote = exampleWith('case', (c) => ((c.coordinatorId = 'user-other'), (c.updatedAt = '2026-10-01T12:00:00.000Z')));
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && result.record).toMatchObject({ updatedAt: later, stage: 'preparation', coordinatorId: 'user-other' });
		expect(result.ok && result.conflicts).toEqual([]);
	});

	it('refuses a change to an immutable field', () => {
		const ancestor = exampleRecords.case();
		const remote = exampleWith('case', (c) => (c.reference = 'RJ-2026-9999'));
		expect(mergeRecord({ ancestor, local: ancestor, remote })).toEqual({ ok: false, code: 'immutable-field-changed', fields: ['reference'] });
	});

	it('refuses a second version of an append-only record instead of making a conflict', () => {
		const ancestor = exampleRecords['case-note']();
		const remote = exampleWith('case-note', (n) => (n.text = 'Changed after the fact.'));
		expect(mergeRecord({ ancestor, local: ancestor, remote })).toMatchObject({ ok: false, fields: ['text'] });
	});

	it('accepts the same append-only record made twice, as a retried push does', () => {
		const note = exampleRecords['case-note']();
		expect(mergeRecord({ local: note, remote: exampleRecords['case-note']() })).toEqual({ ok: true, record: note, conflicts: [] });
	});

	it('refuses any change to a record frozen before both sides started', () => {
		const ancestor = exampleWith('letter', (l) => (l.status = 'sent'));
		const remote = exampleWith('letter', (l) => ((l.status = 'sent'), (l.body = 'Edited after sending.')));
		expect(mergeRecord({ ancestor, local: ancestor, remote })).toMatchObject({ ok: false, fields: ['body'] });
	});

	it('keeps a draft edit made while the other side sent the letter as a conflict, not as the sent text', () => {
		const ancestor = exampleRecords.letter();
		const local = exampleWith('letter', (l) => (l.status = 'sent'));
		const remote = exampleWith('letter', (l) => (l.body = 'A late edit.'));
		const result = mergeRecord({ ancestor, local, remote });
		expect(result.ok && result.record).toMatchObject({ status: 'sent', body: 'I want to say that I am sorry.' });
		expect(result.ok && result.conflicts[0]?.values.map((v) => v.value)).toEqual(['I want to say that I am sorry.', 'A late edit.']);
	});

	it('refuses to merge records of different types', () => {
		expect(mergeRecord({ local: exampleRecords.case(), remote: exampleRecords.letter() })).toMatchObject({ ok: false, code: 'record-type-mismatch' });
	});

	it('adds a new clash to a conflict the record already holds, dropping no value', () => {
		const ancestor = exampleRecords.letter();
		const held = [{ path: ['body'], ancestor: { value: 'Older.' }, values: [{ value: ancestor.body }, { value: 'First rival.' }] }];
		const remote = exampleWith('letter', (l) => (l.body = 'Second rival.'));
		const local = exampleWith('letter', (l) => (l.body = 'Local edit.'));
		const result = mergeRecord({ ancestor, local, remote, conflicts: { local: held } });
		expect(result.ok && result.conflicts[0]?.values.map((v) => v.value)).toEqual([ancestor.body, 'First rival.', 'Local edit.', 'Second rival.']);
	});
});
