import type { Observable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import type { CaseSummary } from '../protocol/cases.js';
import { caseRepository } from './case-repository.js';
import { unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

const summary = (id: string, reference: string): CaseSummary => ({
	id,
	reference,
	stage: 'assessment',
	status: 'open',
	updatedAt: '2026-11-01T10:00:00.000Z'
});

function firstValue<T>(observable: Observable<T>): Promise<T> {
	return new Promise((resolve) => {
		const sub = observable.subscribe({ next: (value) => (resolve(value), queueMicrotask(() => sub.unsubscribe())) });
	});
}

describe('case repository', () => {
	beforeEach(async () => (await unlockForTest('u1'), await unlockForTest('u2')));
	afterEach(async () => (dropKeys(), await Promise.all([deleteUserDb('u1'), deleteUserDb('u2')])));

	it('lists the cases it was given in order of reference', async () => {
		const repo = caseRepository(userDb('u1'));
		await repo.replaceAll([summary('b', 'RJ-2026-0002'), summary('a', 'RJ-2026-0001')], '2026-11-02T00:00:00.000Z');
		const cases = await firstValue(repo.watchAll());
		expect(cases.map((c) => c.reference)).toEqual(['RJ-2026-0001', 'RJ-2026-0002']);
		expect(await repo.lastSyncedAt()).toBe('2026-11-02T00:00:00.000Z');
	});

	it('removes a case from the device once the server no longer lists it', async () => {
		const repo = caseRepository(userDb('u1'));
		await repo.replaceAll([summary('a', 'RJ-2026-0001'), summary('b', 'RJ-2026-0002')], '2026-11-02T00:00:00.000Z');
		await repo.replaceAll([summary('b', 'RJ-2026-0002')], '2026-11-03T00:00:00.000Z');
		expect((await firstValue(repo.watchAll())).map((c) => c.id)).toEqual(['b']);
	});

	it('keeps two users of one tablet apart', async () => {
		await caseRepository(userDb('u1')).replaceAll([summary('a', 'RJ-2026-0001')], '2026-11-02T00:00:00.000Z');
		const other = await firstValue(caseRepository(userDb('u2')).watchAll());
		expect(other).toEqual([]);
	});
});
