import { describe, expect, it } from 'vitest';
import { exampleRecords } from '../domain/record-fixtures.js';
import type { DomainRecord } from '../domain/records.js';
import { rebaseEdit } from './seen-edit.js';

const contact = (change: Record<string, unknown> = {}) => ({ ...exampleRecords.contact(), ...change }) as unknown as DomainRecord;

describe('moving an edit from an older screen onto the record as it is now', () => {
	it('changes nothing of the current record when the person changed nothing on their screen', () => {
		const now = contact({ summary: 'Changed by a colleague', updatedAt: '2026-11-02T09:00:00.000Z' });
		expect(rebaseEdit(contact(), contact(), now)).toEqual({ record: now, before: now });
	});

	it('applies the people the person added and took off a contact, and keeps the ones a colleague added', () => {
		const seen = contact({ participantIds: ['p-1', 'p-2'] });
		const now = contact({ participantIds: ['p-1', 'p-2', 'p-3'] });
		const { record, before } = rebaseEdit(seen, contact({ participantIds: ['p-1', 'p-4'] }), now);
		expect(record).toMatchObject({ participantIds: ['p-1', 'p-3', 'p-4'] });
		expect(before).toEqual(now);
	});

	it('takes the time of the save, without marking it as a clash with the colleague’s time', () => {
		const now = contact({ updatedAt: '2026-11-02T09:00:00.000Z' });
		const { record, before } = rebaseEdit(contact(), contact({ outcome: 'cancelled', updatedAt: '2026-11-02T10:00:00.000Z' }), now);
		expect(record).toMatchObject({ outcome: 'cancelled', updatedAt: '2026-11-02T10:00:00.000Z' });
		expect(before).toMatchObject({ updatedAt: '2026-11-02T09:00:00.000Z' });
	});

	it('leaves out a field the person cleared', () => {
		const seen = contact({ establishmentId: 'establishment-0001' });
		const { record } = rebaseEdit(seen, contact(), seen);
		expect(record).not.toHaveProperty('establishmentId');
	});
});
