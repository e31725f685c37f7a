import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropKeys } from '../crypto/keyring.js';
import { accessLog } from '../db/access-log.js';
import { unlockForTest } from '../db/testing.js';
import { deleteUserDb, userDb } from '../db/user-db.js';
import type { AccessReportsRequest } from '../protocol/access-review.js';
import { reportAccess, type PostAccessReports } from './access-reports.js';
import { syncFixture } from './testing/sync-fixture.js';

const CASE = 'case-0001-abcd';

describe('reporting the access log at sync', () => {
	beforeEach(() => unlockForTest('r2'));
	afterEach(async () => (dropKeys(), await deleteUserDb('r2')));

	it('sends what was opened and forgets it once the server has it', async () => {
		const log = accessLog(userDb('r2'));
		await log.record(CASE, 'notes');
		const sent: AccessReportsRequest[] = [];
		const post: PostAccessReports = async (request) => (sent.push(request), { ok: true, value: { acknowledged: request.entries.map((e) => e.id) } });
		expect(await reportAccess(log, 'device-0001-test', post)).toEqual({ ok: true, sent: 1 });
		expect(sent[0]).toEqual({ deviceId: 'device-0001-test', entries: [expect.objectContaining({ caseId: CASE, screen: 'notes' })] });
		expect(await log.count()).toBe(0);
	});

	it('keeps every entry when the server cannot be reached, for the next round', async () => {
		const log = accessLog(userDb('r2'));
		await log.record(CASE, 'case');
		const post: PostAccessReports = async () => ({ ok: false, status: 0, error: { error: 'store-unavailable', message: 'No network.' } });
		expect(await reportAccess(log, 'device-0001-test', post)).toEqual({ ok: false, wipe: false, message: 'No network.' });
		expect(await log.count()).toBe(1);
	});

	it('ends the sync round with a wipe when the server says the tablet was revoked', async () => {
		const fixture = syncFixture('r2');
		let wiped = false;
		const post: PostAccessReports = async () => ({ ok: false, status: 403, error: { error: 'device-revoked', message: 'Revoked.', action: 'wipe' } });
		const engine = fixture.engine({ wipe: async () => void (wiped = true), reportAccess: () => reportAccess(accessLog(fixture.db()), 'device-0001-test', post) });
		expect(await engine.sync()).toEqual({ status: 'wiped' });
		expect(wiped).toBe(true);
	});
});
