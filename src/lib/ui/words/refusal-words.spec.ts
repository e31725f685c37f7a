import { describe, expect, it } from 'vitest';
import { exampleRecords } from '../../domain/record-fixtures.js';
import { parseRecord, type DomainRecord } from '../../domain/records.js';
import { refusalProblems, refusalReason, refusedText, refusedWhat } from './refusal-words.js';

const letter = (() => {
	const parsed = parseRecord({ ...exampleRecords.letter(), body: 'I wanted to write again.' });
	if (!parsed.ok) throw new Error('example letter');
	return parsed.value as DomainRecord;
})();

describe('refused changes in plain words', () => {
	it('says what was changed by the names a person knows', () => {
		expect(refusedWhat({ record: letter, changed: ['body', 'updatedAt'] })).toBe('A change to a letter: letter text');
	});

	it('says why, with no codes, and keeps an unknown reason the server gave', () => {
		expect(refusalReason({ code: 'record-frozen', message: 'x' })).toContain('made final');
		expect(refusalReason({ code: 'some-new-reason', message: 'The server is tired.' })).toBe('The server is tired.');
		expect(refusalProblems({ record: letter, fields: [{ path: 'body', message: 'Write the letter' }] })).toEqual(['Letter text: Write the letter']);
	});

	it('gives the written text to copy, field by field', () => {
		expect(refusedText({ record: letter, written: { body: 'I wanted to write again.', updatedAt: '2026-11-01T09:00:00.000Z' } })).toBe('Letter text: I wanted to write again.');
	});
});
