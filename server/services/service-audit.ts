import { randomBytes } from 'node:crypto';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix } from '../store/documents.js';

/** One change an administrator made to a service-wide record or setting. */
export interface ServiceAuditEntry {
	/** `establishment`, `checklist-template` or `settings`. */
	kind: string;
	/** The record's id, or the settings section. */
	recordId: string;
	action: 'create' | 'change';
	userId: string;
	deviceId?: string;
	serverTime: string;
	fields?: string[];
}

/**
 * In the audit database as `service:<kind>:<recordId>:<serverTime>:<random>`: one key range per
 * record, outside every case's range, append-only under the same validate_doc_update.
 */
const prefixOf = (kind: string, recordId: string) => `service:${kind}:${recordId}:`;

export function serviceAudit(couch: Couch) {
	const db = couch.dbs.audit;
	return {
		async append(entry: ServiceAuditEntry): Promise<void> {
			await db.insert({ _id: `${prefixOf(entry.kind, entry.recordId)}${entry.serverTime}:${randomBytes(6).toString('hex')}`, type: 'service-audit', v: 1, ...entry } as never);
		},

		async forRecord(kind: string, recordId: string): Promise<ServiceAuditEntry[]> {
			const docs = await docsWithPrefix<ServiceAuditEntry>(db, prefixOf(kind, recordId));
			return docs.map(({ kind: k, recordId: r, action, userId, deviceId, serverTime, fields }) => ({
				kind: k, recordId: r, action, userId, ...(deviceId ? { deviceId } : {}), serverTime, ...(fields ? { fields } : {})
			}));
		}
	};
}

export type ServiceAudit = ReturnType<typeof serviceAudit>;

/** An audit line for something a signed-in person did now. */
export function serviceAuditEntry(
	actor: { user: { id: string }; deviceId?: string },
	kind: string,
	recordId: string,
	action: ServiceAuditEntry['action'],
	now: Date,
	fields?: string[]
): ServiceAuditEntry {
	return { kind, recordId, action, userId: actor.user.id, ...(actor.deviceId ? { deviceId: actor.deviceId } : {}), serverTime: now.toISOString(), ...(fields ? { fields } : {}) };
}
