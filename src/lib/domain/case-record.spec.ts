import { describe, expect, it } from 'vitest';
import { parseCaseRecord } from './case-record.js';

const valid = {
	type: 'case',
	v: 1,
	id: 'c0ffee00-0001',
	reference: 'RJ-2026-0042',
	stage: 'assessment',
	status: 'open',
	facilitatorIds: ['user-a', 'user-b'],
	coordinatorId: 'user-c',
	createdAt: '2026-10-01T09:00:00.000Z',
	updatedAt: '2026-10-02T09:00:00.000Z',
	createdBy: 'user-c'
};

describe('case record', () => {
	it('accepts a complete case', () => {
		expect(parseCaseRecord(valid).ok).toBe(true);
	});

	it.each([
		['reference', 'RJ 42', 'Use a case reference like RJ-2026-0042'],
		['stage', 'finished', 'Choose a stage from the list'],
		['status', 'paused', 'Choose open or closed'],
		['coordinatorId', '', 'Choose a coordinator'],
		['createdAt', 'yesterday', 'Enter a date and time in ISO 8601 form']
	])('names %s when it is invalid', (field, value, message) => {
		const result = parseCaseRecord({ ...valid, [field]: value });
		expect(result).toEqual({ ok: false, problems: [{ path: field, message }] });
	});

	it('refuses a third facilitator', () => {
		const result = parseCaseRecord({ ...valid, facilitatorIds: ['a', 'b', 'c'] });
		expect(result).toEqual({
			ok: false,
			problems: [{ path: 'facilitatorIds', message: 'A case has at most two facilitators' }]
		});
	});
});
