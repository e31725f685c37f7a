import * as v from 'valibot';
import { caseId, isoDateTime, recordId } from '../domain/fields.js';
import type { AccessFlag, AccessScreen } from './access-review.js';

export const AUDIT_ACTIONS = ['read', 'create', 'change', 'export', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of a case's audit log: who did what to which record, from which device, when. */
export interface AuditEntry {
	caseId: string;
	recordId?: string;
	action: AuditAction;
	userId: string;
	deviceId?: string;
	/** When the device says it happened: offline reads are reported later, at sync. */
	deviceTime?: string;
	serverTime: string;
	source: 'online' | 'offline-report';
	/** The fields a change touched. */
	fields?: string[];
	/** Conflicts a person decided with this change: each the path of the field they chose a value for. */
	resolved?: string[][];
	/** A subject access export: how many records it released, hid names in, and left out. Never names. */
	exported?: { items: number; redacted: number; excluded: number };
	/** For a read reported by a tablet: which case screen was opened. */
	screen?: AccessScreen;
	/** Set when the reader had no assignment to the case at that moment: for a person to look at. */
	flag?: AccessFlag;
}

export interface AuditLogResponse {
	entries: AuditEntry[];
}

/** Reads a tablet made offline, reported at its next contact. */
export const offlineReadsRequestSchema = v.strictObject({
	reads: v.pipe(
		v.array(v.strictObject({ caseId, recordId: v.optional(recordId), at: isoDateTime })),
		v.minLength(1, 'Send at least one read'),
		v.maxLength(500, 'Send at most 500 reads at a time')
	)
});
export type OfflineReadsRequest = v.InferOutput<typeof offlineReadsRequestSchema>;
