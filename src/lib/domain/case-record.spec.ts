import { describe, expect, it } from 'vitest';
import { parseCaseRecord } from './case-record.js';
import { exampleRecords } from './record-fixtures.js';

const valid = exampleRecords.case();
const closed = { ...valid, stage: 'closed', status: 'closed', exitReason: 'completed', exitDate: '2026-12-01T10:00:00.000Z' };

describe('case record', () => {
	it('accepts a complete case', () => {
		expect(parseCaseRecord(valid).ok).toBe(true);
	});

	it('accepts a case without the offence details, which may not be known at referral', () => {
		const { offenceCategory: _c, offenceDate: _d, ...early } = valid;
		expect(parseCaseRecord(early).ok).toBe(true);
	});

	it('accepts a closed case with its reason and date', () => {
		expect(parseCaseRecord(closed).ok).toBe(true);
	});

	it.each([
		['reference', 'RJ 42', 'Use a case reference like RJ-2026-0042'],
		['referralSource', 'neighbour', 'Choose who made the referral'],
		['justiceStage', 'arrested', 'Choose the justice stage'],
		['offenceCategory', 'bad', 'Choose an offence category'],
		['offenceDate', '14/03/2025', 'Enter a date like 2026-10-01'],
		['establishmentId', '', 'Choose an establishment'],
		['stage', 'finished', 'Choose a stage from the list'],
		['status', 'paused', 'Choose open or closed'],
		['coordinatorId', '', 'Choose a coordinator'],
		['exitReason', 'bored', 'Choose a reason for closing'],
		['createdAt', 'yesterday', 'Enter a date and time in ISO 8601 form'],
		['updatedAt', 'today', 'Enter a date and time in ISO 8601 form']
	])('names %s when it is invalid', (field, value, message) => {
		const result = parseCaseRecord({ ...valid, [field]: value });
		expect(result).toEqual({ ok: false, problems: [{ path: field, message }] });
	});

	it.each([
		['referralSource', 'Choose who made the referral'],
		['justiceStage', 'Choose the justice stage'],
		['coordinatorId', 'Choose a coordinator']
	])('names %s when it is missing, in its own words', (field, message) => {
		const { [field]: _gone, ...rest } = valid as Record<string, unknown>;
		expect(parseCaseRecord(rest)).toEqual({ ok: false, problems: [{ path: field, message }] });
	});

	it('refuses a third facilitator', () => {
		const result = parseCaseRecord({ ...valid, facilitatorIds: ['a', 'b', 'c'] });
		expect(result).toEqual({
			ok: false,
			problems: [{ path: 'facilitatorIds', message: 'A case has at most two facilitators' }]
		});
	});

	it('refuses the same facilitator twice', () => {
		const result = parseCaseRecord({ ...valid, facilitatorIds: ['a', 'a'] });
		expect(result).toEqual({ ok: false, problems: [{ path: 'facilitatorIds', message: 'Choose two different facilitators' }] });
	});

	it('refuses a closed status at an open stage', () => {
		const result = parseCaseRecord({ ...valid, status: 'closed', exitReason: 'completed', exitDate: closed.exitDate });
		expect(result).toEqual({
			ok: false,
			problems: [{ path: 'status', message: 'A closed case is at the closed stage, and only a closed case is' }]
		});
	});

	it('names the exit reason when a closed case has none', () => {
		const { exitReason: _r, ...noReason } = closed;
		expect(parseCaseRecord(noReason)).toEqual({ ok: false, problems: [{ path: 'exitReason', message: 'Choose a reason for closing' }] });
	});

	it('names the exit date when a closed case has none', () => {
		const { exitDate: _d, ...noDate } = closed;
		expect(parseCaseRecord(noDate)).toEqual({ ok: false, problems: [{ path: 'exitDate', message: 'Enter the date the case closed' }] });
	});
});
