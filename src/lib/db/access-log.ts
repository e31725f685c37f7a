import type { AccessEntry, AccessScreen } from '../protocol/access-review.js';
import { openFor, requireKey, sealContext, sealFor } from './sealing.js';
import type { AccessLogRow, UserDb } from './user-db.js';

const contextOf = (id: string) => sealContext('accessLog', id, 'access');

type Sealable = Pick<AccessEntry, 'caseId' | 'screen'>;

/**
 * The tablet's record of who opened which case screen, and when, kept so that reads made with
 * no network reach the service's audit at the next sync. Only a random id and the time are in
 * clear: which case was opened is case data. An entry leaves only when the server has it.
 */
export function accessLog(db: UserDb, now: () => string = () => new Date().toISOString(), newId: () => string = () => crypto.randomUUID()) {
	return {
		async record(caseId: string, screen: AccessScreen): Promise<void> {
			const id = newId();
			const row: AccessLogRow = { id, at: now(), enc: await sealFor(db, contextOf(id), { caseId, screen } satisfies Sealable) };
			await db.accessLog.put(row);
		},

		/** The oldest entries first, opened for sending; at most `limit`. */
		async pending(limit = 500): Promise<AccessEntry[]> {
			requireKey(db);
			const rows = await db.accessLog.orderBy('at').limit(limit).toArray();
			return Promise.all(rows.map(async (row) => ({ id: row.id, at: row.at, ...(await openFor<Sealable>(db, contextOf(row.id), row.enc)) })));
		},

		count: () => db.accessLog.count(),

		/** The server holds these now. */
		acknowledge: (ids: readonly string[]) => db.accessLog.bulkDelete([...ids])
	};
}

export type AccessLog = ReturnType<typeof accessLog>;
