import { createHash, randomBytes } from 'node:crypto';
import type { AuditEntry } from '../../src/lib/protocol/audit.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix } from '../store/documents.js';
import { fetchDocs } from './sync-documents.js';

/**
 * The audit database holds `case:<caseId>:<serverTime>:<random>`: a case's log is one key range,
 * in server-time order, and the database's validate_doc_update refuses any change once written.
 */
const prefixOf = (caseId: string) => `case:${caseId}:`;

export function auditLog(couch: Couch) {
	const db = couch.dbs.audit;
	return {
		async append(entries: AuditEntry[]): Promise<void> {
			if (entries.length === 0) return;
			// The place in the batch sorts entries of one moment in the order they were given (a pushed batch's order).
			const docs = entries.map((entry, index) => ({
				_id: `${prefixOf(entry.caseId)}${entry.serverTime}:${String(index).padStart(4, '0')}${randomBytes(6).toString('hex')}`,
				type: 'audit',
				v: 1,
				...entry
			}));
			const results = await db.bulk({ docs });
			const failed = results.filter((result) => result.error);
			if (failed.length > 0) throw new Error(`The audit log refused ${failed.length} entries: ${failed[0]?.error}`);
		},

		/**
		 * Lines that must exist once however often they are written: each has a key of its own
		 * (a pushed change's mutation), and the id is made from its time and that key, so writing it
		 * again is a 409 that counts as done. The time must be the same on every try (the change's claim).
		 */
		async appendOnce(lines: { entry: AuditEntry; key: string }[]): Promise<void> {
			if (lines.length === 0) return;
			const docs = lines.map(({ entry, key }) => ({
				_id: `${prefixOf(entry.caseId)}${entry.serverTime}:${entry.deviceTime ?? ''}:${createHash('sha256').update(key).digest('base64url').slice(0, 16)}`,
				type: 'audit',
				v: 1,
				...entry
			}));
			const refused = (await db.bulk({ docs })).filter((result) => result.error);
			if (refused.length === 0) return;
			// Already written by another try: CouchDB answers 409, PouchDB runs the append-only rule first (forbidden).
			const there = new Set((await fetchDocs<{ _id: string }>(db, refused.map((r) => r.id!))).keys());
			const failed = refused.filter((r) => !there.has(r.id!));
			if (failed.length > 0) throw new Error(`The audit log refused ${failed.length} entries: ${failed[0]?.error}`);
		},

		async forCase(caseId: string): Promise<AuditEntry[]> {
			const docs = await docsWithPrefix<AuditEntry>(db, prefixOf(caseId));
			return docs.map((doc) => {
				const entry: AuditEntry = { caseId: doc.caseId, action: doc.action, userId: doc.userId, serverTime: doc.serverTime, source: doc.source };
				if (doc.recordId) entry.recordId = doc.recordId;
				if (doc.deviceId) entry.deviceId = doc.deviceId;
				if (doc.deviceTime) entry.deviceTime = doc.deviceTime;
				if (doc.fields) entry.fields = doc.fields;
				if (doc.resolved) entry.resolved = doc.resolved;
				if (doc.exported) entry.exported = doc.exported;
				if (doc.screen) entry.screen = doc.screen;
				if (doc.flag) entry.flag = doc.flag;
				return entry;
			});
		}
	};
}

export type AuditLog = ReturnType<typeof auditLog>;

/** An audit line for something a signed-in person did now, from the device they are on. */
export function auditEntry(
	actor: { user: { id: string }; deviceId?: string },
	caseId: string,
	action: AuditEntry['action'],
	now: Date,
	extra: { recordId?: string; deviceTime?: string; source?: AuditEntry['source']; fields?: string[]; resolved?: string[][]; exported?: AuditEntry['exported'] } = {}
): AuditEntry {
	return {
		caseId,
		...(extra.recordId ? { recordId: extra.recordId } : {}),
		action,
		userId: actor.user.id,
		...(actor.deviceId ? { deviceId: actor.deviceId } : {}),
		...(extra.deviceTime ? { deviceTime: extra.deviceTime } : {}),
		serverTime: now.toISOString(),
		source: extra.source ?? 'online',
		...(extra.fields ? { fields: extra.fields } : {}),
		...(extra.resolved ? { resolved: extra.resolved } : {}),
		...(extra.exported ? { exported: extra.exported } : {})
	};
}
