import { describe, expect, it } from 'vitest';
import { validate } from '../domain/validation.js';
import { mutationResultSchema, pushRequestSchema, pushResponseSchema } from './sync.js';

const mutation = {
	mutationId: 'mutation-0001',
	recordId: 'letter-0001-abcd',
	recordType: 'letter',
	caseId: 'case-0001-abcd',
	baseRev: '3-abc',
	changes: { body: { from: 'Draft.', to: 'Better draft.' } },
	deviceTime: '2026-10-02T09:00:00.000Z',
	deviceId: 'tablet-0001'
};

describe('the push request', () => {
	it('accepts a batch of changes with ids, base revisions and device times', () => {
		expect(validate(pushRequestSchema, { mutations: [mutation] }).ok).toBe(true);
	});

	it('accepts a new record with no base revision and a field cleared with no `to`', () => {
		const { baseRev: _, ...created } = mutation;
		expect(validate(pushRequestSchema, { mutations: [{ ...created, changes: { exitNote: { from: 'x' } } }] }).ok).toBe(true);
	});

	it('names the field when a case record does not name its case', () => {
		const { caseId: _, ...withoutCase } = mutation;
		expect(validate(pushRequestSchema, { mutations: [withoutCase] })).toMatchObject({ ok: false, problems: [{ path: 'mutations.0.caseId' }] });
	});

	it('refuses a mutation sent twice in one batch', () => {
		expect(validate(pushRequestSchema, { mutations: [mutation, mutation] }).ok).toBe(false);
	});

	it('refuses a change with no fields', () => {
		expect(validate(pushRequestSchema, { mutations: [{ ...mutation, changes: {} }] })).toMatchObject({ ok: false, problems: [{ path: 'mutations.0.changes' }] });
	});

	it('refuses an empty batch and an unknown kind of record', () => {
		expect(validate(pushRequestSchema, { mutations: [] }).ok).toBe(false);
		expect(validate(pushRequestSchema, { mutations: [{ ...mutation, recordType: 'victim' }] }).ok).toBe(false);
	});
});

describe('a mutation result', () => {
	it.each([
		{ status: 'applied', mutationId: 'mutation-0001', rev: '4-def' },
		{ status: 'duplicate', mutationId: 'mutation-0001', rev: '4-def' },
		{ status: 'merged', mutationId: 'mutation-0001', rev: '5-aaa', record: { type: 'letter' }, conflicts: [{ path: ['body'], ancestor: { value: 'a' }, values: [{ value: 'b' }, {}] }] },
		{ status: 'rejected', mutationId: 'mutation-0001', code: 'invalid-record', message: 'Write the letter', fields: [{ path: 'body', message: 'Write the letter' }] },
		{ status: 'filed', mutationId: 'mutation-0001', code: 'case-not-accessible' }
	])('may say the change was $status', (result) => {
		expect(validate(mutationResultSchema, result).ok).toBe(true);
	});

	it('refuses a conflict with only one value', () => {
		const merged = { status: 'merged', mutationId: 'mutation-0001', rev: '5-a', record: {}, conflicts: [{ path: ['body'], ancestor: {}, values: [{ value: 'b' }] }] };
		expect(validate(mutationResultSchema, merged).ok).toBe(false);
	});

	it('comes in a response with the server time', () => {
		expect(validate(pushResponseSchema, { results: [], serverTime: '2026-10-02T09:00:01.000Z' }).ok).toBe(true);
	});
});
