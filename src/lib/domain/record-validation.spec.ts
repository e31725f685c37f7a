import { describe, expect, it } from 'vitest';
import { exampleRecords, exampleWith, type ExampleType } from './record-fixtures.js';
import { parseRecord, SERVICE_RECORD_TYPES } from './records.js';

const types = Object.keys(exampleRecords) as ExampleType[];
const caseTypes = types.filter((type) => type !== 'case' && !SERVICE_RECORD_TYPES.includes(type));

const problemsOf = (input: unknown) => {
	const result = parseRecord(input);
	return result.ok ? [] : result.problems;
};

describe('every stored record', () => {
	it.each(types)('accepts a valid %s', (type) => {
		expect(parseRecord(exampleRecords[type]())).toEqual({ ok: true, value: exampleRecords[type]() });
	});

	it('names the type when it is not a kind of record Tandem knows', () => {
		expect(problemsOf({ ...exampleRecords.case(), type: 'victim' })).toEqual([
			{ path: 'type', message: 'This is not a kind of record Tandem knows' }
		]);
	});

	it('refuses input that is not an object at all', () => {
		expect(problemsOf('case')[0]?.path).toBe('type');
	});

	it.each(types)('asks for an app update when a %s comes from a newer schema version', (type) => {
		expect(problemsOf({ ...exampleRecords[type](), v: 2 })).toEqual([
			{ path: 'v', message: 'This record was written by a newer version of Tandem; update the app to read it' }
		]);
	});

	it.each(types)('refuses a field a %s does not have', (type) => {
		expect(problemsOf({ ...exampleRecords[type](), victimName: 'x' })).toEqual([
			{ path: 'victimName', message: 'This field is not allowed here' }
		]);
	});

	it.each(types)('names the id of a %s when it is malformed', (type) => {
		expect(problemsOf({ ...exampleRecords[type](), id: 'Bad Id' })).toEqual([
			{ path: 'id', message: expect.stringMatching(/8 to 64 lower-case letters/) }
		]);
	});

	it.each(types)('names createdAt of a %s when it is not a timestamp', (type) => {
		expect(problemsOf({ ...exampleRecords[type](), createdAt: '1 October' })).toEqual([
			{ path: 'createdAt', message: 'Enter a date and time in ISO 8601 form' }
		]);
	});

	it.each(types)('names the author of a %s when it is missing', (type) => {
		expect(problemsOf(exampleWith(type, (r) => delete r.createdBy))).toEqual([
			{ path: 'createdBy', message: 'Record who wrote this' }
		]);
	});

	it.each(caseTypes)('names the case id of a %s when it is malformed', (type) => {
		expect(problemsOf({ ...exampleRecords[type](), caseId: 'CASE 1' })).toEqual([
			{ path: 'caseId', message: 'Use a case id of 8 to 64 lower-case letters, digits or dashes' }
		]);
	});
});
