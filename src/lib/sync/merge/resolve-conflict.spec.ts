import { describe, expect, it } from 'vitest';
import { exampleWith } from '../../domain/record-fixtures.js';
import { mergeRecord } from './merge-record.js';
import { resolveConflict } from './resolve-conflict.js';

const clash = () => {
	const ancestor = exampleWith('letter', (l) => (l.body = 'Original.'));
	const result = mergeRecord({ ancestor, local: exampleWith('letter', (l) => (l.body = 'Mine.')), remote: exampleWith('letter', (l) => (l.body = 'Theirs.')) });
	if (!result.ok) throw new Error('expected a merge');
	return result;
};

describe('resolveConflict', () => {
	it('writes the chosen value and removes the conflict', () => {
		const { record, conflicts } = clash();
		const result = resolveConflict(record, conflicts, ['body'], { pick: 1 });
		expect(result).toEqual({
			ok: true,
			record: { ...record, body: 'Theirs.' },
			conflicts: [],
			resolution: { path: ['body'], seen: [{ value: 'Mine.' }, { value: 'Theirs.' }] }
		});
	});

	it('accepts a value the person wrote from both', () => {
		const { record, conflicts } = clash();
		const result = resolveConflict(record, conflicts, ['body'], { value: 'Mine. Theirs.' });
		expect(result.ok && result.record.body).toBe('Mine. Theirs.');
	});

	it('sets one answer when the conflict is on one key of a by-key field', () => {
		const ancestor = exampleWith('risk-assessment', () => undefined);
		const local = exampleWith('risk-assessment', (a) => (a.answers['safety.physical-harm'].narrative = 'A'));
		const remote = exampleWith('risk-assessment', (a) => (a.answers['safety.physical-harm'].narrative = 'B'));
		const merged = mergeRecord({ ancestor, local, remote });
		if (!merged.ok) throw new Error('expected a merge');
		const result = resolveConflict(merged.record, merged.conflicts, ['answers', 'safety.physical-harm'], { pick: 1 });
		expect(result.ok && result.record.answers).toEqual(remote.answers);
	});

	it('says so when there is no such conflict or value', () => {
		const { record, conflicts } = clash();
		expect(resolveConflict(record, conflicts, ['status'], { pick: 0 })).toEqual({ ok: false, code: 'no-such-conflict' });
		expect(resolveConflict(record, conflicts, ['body'], { pick: 5 })).toEqual({ ok: false, code: 'no-such-value' });
	});

	it('lets a frozen record keep only the value it holds', () => {
		const sent = exampleWith('letter', (l) => ((l.status = 'sent'), (l.body = 'Sent text.')));
		const conflicts = [{ path: ['body'], ancestor: { value: 'Draft.' }, values: [{ value: 'Sent text.' }, { value: 'Late edit.' }] }];
		expect(resolveConflict(sent, conflicts, ['body'], { pick: 1 })).toEqual({ ok: false, code: 'record-frozen' });
		expect(resolveConflict(sent, conflicts, ['body'], { pick: 0 })).toMatchObject({ ok: true, conflicts: [] });
	});
});
