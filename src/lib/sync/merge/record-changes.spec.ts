import { describe, expect, it } from 'vitest';
import { exampleRecords, exampleWith } from '../../domain/record-fixtures.js';
import { changeSides, diffRecords, mergeMutation } from './record-changes.js';

const push = { mutationId: 'mutation-0001', deviceId: 'tablet-0001', deviceTime: '2026-10-02T09:00:00.000Z' };

describe('diffRecords', () => {
	it('names each changed field with the value it was made on', () => {
		const before = exampleRecords.case();
		const after = exampleWith('case', (c) => ((c.stage = 'preparation'), delete c.offenceDate));
		expect(diffRecords(before, after)).toEqual({ stage: { from: 'assessment', to: 'preparation' }, offenceDate: { from: '2025-03-14' } });
	});

	it('describes a new record as every field with no value before', () => {
		const record = exampleRecords['case-note']();
		expect(Object.values(diffRecords(undefined, record)).every((change) => !('from' in change))).toBe(true);
	});
});

describe('changeSides', () => {
	it('rebuilds the ancestor from the stored record and the values the change was made on', () => {
		const stored = exampleWith('case', (c) => (c.coordinatorId = 'user-other'));
		const { ancestor, incoming } = changeSides(stored, { stage: { from: 'assessment', to: 'meeting' } });
		expect(ancestor).toEqual(stored);
		expect(incoming).toEqual({ ...stored, stage: 'meeting' });
	});
});

describe('mergeMutation', () => {
	it('applies a change made on an older revision to fields nobody else touched', () => {
		const stored = exampleWith('case', (c) => (c.coordinatorId = 'user-other'));
		const result = mergeMutation(stored, [], { ...push, changes: { stage: { from: 'assessment', to: 'meeting' } } });
		expect(result).toEqual({ ok: true, record: { ...stored, stage: 'meeting' }, conflicts: [] });
	});

	it('keeps the stored value and the pushed one when both changed the field', () => {
		const stored = exampleWith('case', (c) => (c.stage = 'preparation'));
		const result = mergeMutation(stored, [], { ...push, changes: { stage: { from: 'assessment', to: 'meeting' } } });
		expect(result.ok && result.record.stage).toBe('preparation');
		expect(result.ok && result.conflicts[0]?.values).toEqual([
			{ value: 'preparation' },
			{ value: 'meeting', origin: { mutationId: push.mutationId, deviceId: push.deviceId, at: push.deviceTime } }
		]);
	});

	it('applies changes made one after another on the device in one batch', () => {
		let stored = exampleRecords.case();
		for (const [from, to] of [['assessment', 'preparation'], ['preparation', 'meeting']]) {
			const result = mergeMutation(stored, [], { ...push, changes: { stage: { from, to } } });
			if (result.ok) stored = result.record as typeof stored;
		}
		expect(stored.stage).toBe('meeting');
	});

	it('writes a new record as pushed', () => {
		const note = exampleRecords['case-note']();
		expect(mergeMutation(undefined, [], { ...push, changes: diffRecords(undefined, note) })).toEqual({ ok: true, record: note, conflicts: [] });
	});

	it('accepts a retried creation of an append-only record that is already stored', () => {
		const note = exampleRecords['case-note']();
		expect(mergeMutation(note, [], { ...push, changes: diffRecords(undefined, note) })).toMatchObject({ ok: true, conflicts: [] });
	});

	it('refuses a pushed change to an append-only record', () => {
		const note = exampleRecords['case-note']();
		const result = mergeMutation(note, [], { ...push, changes: { text: { from: note.text, to: 'Rewritten.' } } });
		expect(result).toEqual({ ok: false, code: 'immutable-field-changed', fields: ['text'] });
	});

	it('settles a conflict the change resolves but keeps a value that arrived after the person looked', () => {
		const stored = exampleWith('letter', (l) => (l.body = 'B'));
		const held = [{ path: ['body'], ancestor: { value: 'O' }, values: [{ value: 'A' }, { value: 'B' }, { value: 'C' }] }];
		const resolves = [{ path: ['body'], seen: [{ value: 'A' }, { value: 'B' }] }];
		const result = mergeMutation(stored, held, { ...push, changes: { body: { from: 'B', to: 'A' } }, resolves });
		expect(result.ok && result.record.body).toBe('A');
		expect(result.ok && result.conflicts[0]?.values).toEqual([{ value: 'A' }, { value: 'C' }]);
	});

	it('keeps the choice over a later value when the person chose the value they already held, and the later one stays in conflict', () => {
		const stored = exampleWith('letter', (l) => (l.body = 'C'));
		const held = [{ path: ['body'], ancestor: { value: 'O' }, values: [{ value: 'A' }, { value: 'B' }, { value: 'C' }] }];
		const resolves = [{ path: ['body'], seen: [{ value: 'A' }, { value: 'B' }] }];
		const result = mergeMutation(stored, held, { ...push, changes: { body: { from: 'A', to: 'A' } }, resolves });
		expect(result.ok && result.record.body).toBe('A');
		expect(result.ok && result.conflicts[0]?.values).toEqual([{ value: 'A' }, { value: 'C' }]);
	});

	it('does not let a decision write into a record that was made final', () => {
		const sent = exampleWith('letter', (l) => ((l.status = 'sent'), (l.reviewedBy = 'user-b'), (l.reviewedAt = l.createdAt), (l.sentAt = l.createdAt), (l.body = 'Sent.')));
		const held = [{ path: ['body'], ancestor: { value: 'O' }, values: [{ value: 'Sent.' }, { value: 'Draft edit.' }] }];
		const resolves = [{ path: ['body'], seen: [{ value: 'Sent.' }, { value: 'Draft edit.' }] }];
		const result = mergeMutation(sent, held, { ...push, changes: { body: { from: 'Draft edit.', to: 'Draft edit.' } }, resolves });
		expect(result).toMatchObject({ ok: false, code: 'immutable-field-changed' });
	});
});
