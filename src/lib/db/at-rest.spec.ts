import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { exampleWith } from '../domain/record-fixtures.js';
import { caseRepository } from './case-repository.js';
import { recordRepository } from './record-repository.js';
import { dumpAsText, dumpIndexedDb, unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

const MARKERS = ['ZEBRA-NOTE-7Q', 'ZEBRA-NAME-4K', 'ZEBRA-RISK-9X', 'ZEBRA-REF-2M'];

describe('encryption at rest', () => {
	beforeEach(() => unlockForTest('r1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('r1')));

	it('leaves no note, name, risk answer or case reference readable in any IndexedDB store', async () => {
		const db = userDb('r1');
		const records = recordRepository(db);
		const saves = [
			exampleWith('case-note', (n) => (n.text = `Said ${MARKERS[0]} twice`)),
			exampleWith('participant', (p) => ((p.name = `Sam ${MARKERS[1]}`), (p.preferredName = MARKERS[1]))),
			exampleWith('risk-assessment', (a) => (a.answers['safety.physical-harm'].narrative = MARKERS[2]))
		];
		for (const record of saves) expect((await records.save(record)).ok).toBe(true);
		await caseRepository(db).replaceAll(
			[{ id: 'case-0001-abcd', reference: MARKERS[3]!, stage: 'assessment', status: 'open', updatedAt: '2026-10-01T09:00:00.000Z' }],
			'2026-10-01T10:00:00.000Z'
		);

		const dump = await dumpIndexedDb();
		expect(dump.map((d) => d.store)).toEqual(expect.arrayContaining(['records', 'outbox', 'cases']));
		const text = dumpAsText(dump);
		for (const marker of MARKERS) expect(text).not.toContain(marker);
		// The same data does come back for the person holding the key.
		expect(JSON.stringify(await records.readCase('case-0001-abcd'))).toContain(MARKERS[2]);
	});
});
