import { describe, expect, it } from 'vitest';
import { caseAt, consent, HARMED, RESPONSIBLE } from '../domain/facts-fixtures.js';
import { caseFileFrom, personLabel, staffWords } from './case-file.js';

describe('a case file', () => {
	it('sorts a case’s records by kind and gives the gates their facts', () => {
		const file = caseFileFrom([RESPONSIBLE, caseAt('assessment'), consent(HARMED.id, 'given'), HARMED]);
		expect(file.case?.reference).toBe('RJ-2026-0042');
		expect(file.participants.map((p) => p.id).sort()).toEqual([HARMED.id, RESPONSIBLE.id].sort());
		expect(file.consents).toHaveLength(1);
		expect(file.facts?.participants).toBe(file.participants);
		expect(caseFileFrom([HARMED]).facts).toBeUndefined();
	});

	it('names people in plain words: the role, and who wrote something', () => {
		expect(personLabel(HARMED)).toBe('Person harmed-0001 (harmed person)');
		const record = caseAt('assessment');
		expect(staffWords('user-facilitator-a', 'user-facilitator-a', record)).toBe('you');
		expect(staffWords('user-facilitator-b', 'user-facilitator-a', record)).toBe('the other facilitator');
		expect(staffWords('user-coordinator', 'user-facilitator-a', record)).toBe('the coordinator');
		expect(staffWords('someone-else', 'user-facilitator-a', record)).toBe('another member of staff');
	});
});
