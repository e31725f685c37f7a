import { randomBytes } from 'node:crypto';
import type { AccountAuditAction, AccountAuditEntry } from '../../src/lib/protocol/accounts.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix } from '../store/documents.js';

/**
 * Changes to accounts (roles, switching off and on, second factors) in the audit database as
 * `account:<userId>:<serverTime>:<random>`: one key range per person, outside every case's
 * range, and append-only under the same validate_doc_update as case entries.
 */
const prefixOf = (userId: string) => `account:${userId}:`;

export function accountAudit(couch: Couch) {
	const db = couch.dbs.audit;
	return {
		async append(entry: AccountAuditEntry): Promise<void> {
			await db.insert({ _id: `${prefixOf(entry.userId)}${entry.serverTime}:${randomBytes(6).toString('hex')}`, type: 'account-audit', v: 1, ...entry } as never);
		},

		async forUser(userId: string): Promise<AccountAuditEntry[]> {
			const docs = await docsWithPrefix<AccountAuditEntry>(db, prefixOf(userId));
			return docs.map(({ userId: subject, action, byUserId, deviceId, serverTime, roles }) => ({
				userId: subject,
				action,
				byUserId,
				...(deviceId ? { deviceId } : {}),
				serverTime,
				...(roles ? { roles } : {})
			}));
		}
	};
}

export type AccountAudit = ReturnType<typeof accountAudit>;

/** An account audit line for something a signed-in person did now, from the device they are on. */
export function accountAuditEntry(
	actor: { user: { id: string }; deviceId?: string },
	userId: string,
	action: AccountAuditAction,
	now: Date,
	roles?: AccountAuditEntry['roles']
): AccountAuditEntry {
	return { userId, action, byUserId: actor.user.id, ...(actor.deviceId ? { deviceId: actor.deviceId } : {}), serverTime: now.toISOString(), ...(roles ? { roles } : {}) };
}
