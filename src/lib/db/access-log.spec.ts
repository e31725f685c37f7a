import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { accessLog } from './access-log.js';
import { PlaintextRefusedError } from './plaintext-guard.js';
import { dumpAsText, dumpIndexedDb, unlockForTest } from './testing.js';
import { deleteUserDb, userDb } from './user-db.js';

const CASE = 'case-zebra-7q4k';

describe('the device access log', () => {
	beforeEach(() => unlockForTest('a1'));
	afterEach(async () => (dropKeys(), await deleteUserDb('a1')));

	it('keeps which case and screen were opened sealed: neither is readable anywhere in IndexedDB', async () => {
		const log = accessLog(userDb('a1'), () => '2026-11-02T10:15:00.000Z');
		await log.record(CASE, 'consent');
		const dump = await dumpIndexedDb();
		expect(dump.find((d) => d.store === 'accessLog')?.rows).toHaveLength(1);
		const text = dumpAsText(dump);
		expect(text).not.toContain(CASE);
		expect(text).not.toContain('consent');
		expect(await log.pending()).toEqual([{ id: expect.any(String), at: '2026-11-02T10:15:00.000Z', caseId: CASE, screen: 'consent' }]);
	});

	it('refuses an entry written in clear, whatever code tries it', async () => {
		const row = { id: 'entry-0001-abcd', at: '2026-11-02T10:15:00.000Z', caseId: CASE, enc: { v: 1 } };
		await expect(userDb('a1').accessLog.put(row as never)).rejects.toBeInstanceOf(PlaintextRefusedError);
	});

	it('hands entries over oldest first and forgets only those the server acknowledged', async () => {
		let minute = 0;
		const log = accessLog(userDb('a1'), () => `2026-11-02T10:${String(minute++).padStart(2, '0')}:00.000Z`);
		for (const screen of ['case', 'notes', 'letters'] as const) await log.record(CASE, screen);
		const sent = await log.pending(2);
		expect(sent.map((e) => e.screen)).toEqual(['case', 'notes']);
		await log.acknowledge([sent[0]!.id]);
		expect((await log.pending()).map((e) => e.screen)).toEqual(['notes', 'letters']);
	});

	it('cannot be read while the vault is locked', async () => {
		const log = accessLog(userDb('a1'));
		await log.record(CASE, 'case');
		dropKeys();
		await expect(log.pending()).rejects.toThrow();
	});
});
