import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validate } from './validation.js';

const schema = v.strictObject({
	name: v.pipe(v.string(), v.minLength(1, 'Enter a name')),
	address: v.strictObject({ town: v.pipe(v.string(), v.minLength(1, 'Enter a town')) })
});

describe('validate', () => {
	it('returns the value when the input is valid', () => {
		const result = validate(schema, { name: 'Sam', address: { town: 'Leeds' } });
		expect(result).toEqual({ ok: true, value: { name: 'Sam', address: { town: 'Leeds' } } });
	});

	it('names each invalid field by its dotted path with its own message', () => {
		const result = validate(schema, { name: '', address: { town: '' } });
		expect(result).toEqual({
			ok: false,
			problems: [
				{ path: 'name', message: 'Enter a name' },
				{ path: 'address.town', message: 'Enter a town' }
			]
		});
	});

	it('refuses fields the schema does not know', () => {
		const result = validate(schema, { name: 'Sam', address: { town: 'Leeds' }, extra: 1 });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]?.path).toBe('extra');
	});
});

describe('validate, for a missing field', () => {
	const withChoice = v.strictObject({
		role: v.picklist(['a', 'b'], 'Choose a role'),
		nested: v.optional(v.strictObject({ town: v.string('Enter a town') }))
	});

	it('uses the field’s own message rather than a generic one', () => {
		expect(validate(withChoice, {})).toEqual({ ok: false, problems: [{ path: 'role', message: 'Choose a role' }] });
	});

	it('finds the field’s message inside an optional nested object', () => {
		expect(validate(withChoice, { role: 'a', nested: {} })).toEqual({
			ok: false,
			problems: [{ path: 'nested.town', message: 'Enter a town' }]
		});
	});
});
