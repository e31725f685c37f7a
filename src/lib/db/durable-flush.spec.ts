import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import { FLUSH_AT_MOST_MS, FLUSH_MARKER_KEY, flushScheduler } from './durable-flush.js';
import { recordRepository } from './record-repository.js';
import { unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

describe('flushing relaxed writes to disk', () => {
	afterEach(() => vi.useRealTimers());

	it('makes a burst of saves durable with one strict flush once the saves pause', async () => {
		vi.useFakeTimers();
		const flush = vi.fn(() => Promise.resolve());
		const scheduler = flushScheduler(flush);
		for (let i = 0; i < 5; i++) {
			scheduler.noteWrite();
			await vi.advanceTimersByTimeAsync(20);
		}
		expect(flush).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(300);
		expect(flush).toHaveBeenCalledTimes(1);
	});

	it('still flushes within a second while saves never pause', async () => {
		vi.useFakeTimers();
		const flush = vi.fn(() => Promise.resolve());
		const scheduler = flushScheduler(flush);
		for (let elapsed = 0; elapsed <= FLUSH_AT_MOST_MS; elapsed += 50) {
			scheduler.noteWrite();
			await vi.advanceTimersByTimeAsync(50);
		}
		expect(flush).toHaveBeenCalledTimes(1);
	});

	it('does nothing when nothing was written since the last flush', async () => {
		const flush = vi.fn(() => Promise.resolve());
		await flushScheduler(flush).flushNow();
		expect(flush).not.toHaveBeenCalled();
	});
});

describe('a saved note on disk', () => {
	beforeEach(() => unlockForTest('f1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('f1')));

	it('is committed by a strict transaction within a second of the save', async () => {
		const db = userDb('f1');
		await db.open();
		const transaction = vi.spyOn(db.backendDB(), 'transaction');
		await recordRepository(db).save(exampleRecords['case-note']());
		const strict = () => transaction.mock.calls.filter(([, , options]) => options?.durability === 'strict');
		expect(strict()).toHaveLength(0);
		await vi.waitFor(() => expect(strict()).toHaveLength(1), { timeout: FLUSH_AT_MOST_MS + 500, interval: 20 });
		expect(await db.syncMeta.get(FLUSH_MARKER_KEY)).toBeDefined();
	});

	it('commits everyday transactions without waiting for the disk', async () => {
		// Dexie binds the database's own method when it opens, so the spy goes on the prototype first.
		const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
		await recordRepository(userDb('f1')).save(exampleRecords['case-note']());
		const calls = [...transaction.mock.calls];
		transaction.mockRestore();
		expect(calls.some(([, mode, options]) => mode === 'readwrite' && options?.durability === 'relaxed')).toBe(true);
	});
});
