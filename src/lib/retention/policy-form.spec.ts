import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_POLICY, parseRetentionPolicy } from '../domain/retention-policy.js';
import { formOf, policyOf } from './policy-form.js';

describe('the retention form', () => {
	it('gives back the policy it was filled from', () => {
		expect(policyOf(formOf(DEFAULT_RETENTION_POLICY))).toEqual(DEFAULT_RETENTION_POLICY);
	});

	it('sends what cannot be read as a number as typed, so the field is named', () => {
		const form = formOf(DEFAULT_RETENTION_POLICY);
		form.closedCases.unsuitable.months = 'two years';
		const parsed = parseRetentionPolicy(policyOf(form));
		expect(parsed).toEqual({ ok: false, problems: [{ path: 'closedCases.unsuitable.months', message: 'Enter a number of months' }] });
	});
});
