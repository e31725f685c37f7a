import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MERGE_HINTS, mergeRuleOf } from './merge-hints.js';
import { RECORD_SCHEMAS, RECORD_TYPES } from './records.js';

/** A record schema's top-level field names, looking through its pipe of checks. */
function fieldsOf(schema: v.GenericSchema): string[] {
	return Object.keys((schema as unknown as { entries: Record<string, unknown> }).entries).sort();
}

describe('merge hints', () => {
	it.each(RECORD_TYPES)('give every field of a %s exactly one rule', (type) => {
		expect(Object.keys(MERGE_HINTS[type].fields).sort()).toEqual(fieldsOf(RECORD_SCHEMAS[type]));
	});

	it.each(RECORD_TYPES)('keep the identity of a %s immutable', (type) => {
		for (const field of ['type', 'id', 'createdAt', 'createdBy']) expect(MERGE_HINTS[type].fields[field]).toBe('immutable');
	});

	it('make case notes, consents and feedback append-only', () => {
		for (const type of ['case-note', 'consent', 'feedback'] as const) expect(MERGE_HINTS[type].document).toBe('append-only');
		expect(mergeRuleOf('case-note', 'text')).toBe('immutable');
	});

	it('merge a draft assessment answer by answer and freeze it once completed', () => {
		expect(mergeRuleOf('risk-assessment', 'answers', { status: 'draft' })).toBe('by-key');
		expect(mergeRuleOf('risk-assessment', 'answers', { status: 'completed' })).toBe('immutable');
		expect(mergeRuleOf('risk-assessment', 'templateVersion', { status: 'draft' })).toBe('immutable');
	});

	it('freeze a letter once sent or kept unsent', () => {
		expect(mergeRuleOf('letter', 'body', { status: 'draft' })).toBe('field');
		expect(mergeRuleOf('letter', 'body', { status: 'not-sent' })).toBe('immutable');
	});

	it('know no rule for a field the record does not have', () => {
		expect(mergeRuleOf('case', 'victimName')).toBeUndefined();
	});
});
