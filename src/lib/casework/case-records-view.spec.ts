import { describe, expect, it } from 'vitest';
import { caseAt, HARMED, RESPONSIBLE, SUPPORTER } from '../domain/facts-fixtures.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import type { DomainRecord } from '../domain/records.js';
import { caseViewOf, establishmentsOf, factsOf } from './case-records-view.js';

const letter = (id: string, createdAt: string) => ({ ...exampleRecords.letter(), id, createdAt }) as DomainRecord;

describe('a case view', () => {
	it('sorts a case’s records by kind, newest letters first, parties before supporters', () => {
		const view = caseViewOf([SUPPORTER, letter('letter-old-0001', '2026-10-01T09:00:00.000Z'), RESPONSIBLE, caseAt('communication'), HARMED, letter('letter-new-0001', '2026-10-05T09:00:00.000Z')]);
		expect(view.case?.stage).toBe('communication');
		expect(view.participants.map((p) => p.role)).toEqual(['harmed-person', 'person-responsible', 'supporter']);
		expect(view.letters.map((l) => l.id)).toEqual(['letter-new-0001', 'letter-old-0001']);
		expect(factsOf(view)?.participants).toHaveLength(3);
	});

	it('gives no facts until the case record itself is on the device', () => {
		expect(factsOf(caseViewOf([HARMED]))).toBeUndefined();
	});

	it('lists establishments by name', () => {
		const b = { ...exampleRecords.establishment(), id: 'establishment-0002', name: 'HMP Bravo' } as DomainRecord;
		const a = { ...exampleRecords.establishment(), name: 'HMP Alpha' } as DomainRecord;
		expect(establishmentsOf([b, HARMED, a]).map((e) => e.name)).toEqual(['HMP Alpha', 'HMP Bravo']);
	});
});
