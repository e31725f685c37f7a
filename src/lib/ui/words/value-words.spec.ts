import { describe, expect, it } from 'vitest';
import { fieldName } from './field-names.js';
import { exampleRecords } from '../../domain/record-fixtures.js';
import { parseRecord } from '../../domain/records.js';
import { originText, recordTitle, valueText } from './value-words.js';

const viewer = { userId: 'user-me', deviceId: 'tablet-mine' };

describe('conflict words', () => {
	it('names a field as a person would, and one key of a field with both parts', () => {
		expect(fieldName('participant', ['preferredName'])).toBe('Preferred name');
		expect(fieldName('participant', ['safeContact', 'safeTimes'])).toBe('Safe times to call');
		expect(fieldName('risk-assessment', ['answers', 'safety.physical-harm'])).toBe('Answer to “Physical harm”');
		expect(fieldName('letter', ['somethingNew'])).toBe('Something new');
	});

	it('says values in plain words, with no codes or raw timestamps', () => {
		expect(valueText('custodial-sentence')).toBe('custodial sentence');
		expect(valueText(true)).toBe('Yes');
		expect(valueText(undefined, false)).toBe('Left empty');
		expect(valueText('2026-11-02T10:05:00.000Z')).toBe('2 Nov 2026, 10:05');
		expect(valueText({ answer: 'no', narrative: 'Calm.' })).toBe('answer: no; narrative: Calm.');
		expect(valueText('I am sorry - truly.')).toBe('I am sorry - truly.');
	});

	it('says who made a value and where, calling the reader "you"', () => {
		expect(originText({ userId: 'user-me', deviceId: 'tablet-mine', at: '2026-11-02T10:05:00.000Z' }, viewer)).toBe('Changed by you on this tablet on 2 Nov 2026, 10:05.');
		expect(originText({ userId: 'user-coord', name: 'Pat Office', deviceId: 'office-pc', at: '2026-11-02T11:00:00.000Z' }, viewer)).toBe(
			'Changed by Pat Office on another device on 2 Nov 2026, 11:00.'
		);
		expect(originText(undefined, viewer)).toBe('Who made this change and when was not recorded.');
	});

	it('names the record a conflict is on: a person by name and role', () => {
		const person = parseRecord(exampleRecords.participant());
		const letter = parseRecord(exampleRecords.letter());
		expect(person.ok && recordTitle(person.value)).toBe('Sam (person responsible)');
		expect(letter.ok && recordTitle(letter.value)).toBe('Letter');
	});
});
