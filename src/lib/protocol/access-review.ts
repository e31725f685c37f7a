import * as v from 'valibot';
import { caseId, isoDateTime } from '../domain/fields.js';
import type { AuditAction } from './audit.js';
import { deviceIdSchema } from './auth.js';

/** The screens of a case whose opening the tablet records; `case` is the case file itself. */
export const ACCESS_SCREENS = ['case', 'notes', 'checklist', 'consent', 'contacts', 'letters', 'meetings', 'conflicts', 'other'] as const;
export type AccessScreen = (typeof ACCESS_SCREENS)[number];

/** One opening of a case screen on a tablet, as the tablet keeps it (sealed) until it is reported. */
export const accessEntrySchema = v.strictObject({
	id: v.pipe(v.string('Give each entry an id'), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'Use an id of 8 to 64 letters, digits or dashes')),
	caseId,
	screen: v.picklist(ACCESS_SCREENS, 'Name a case screen from the list'),
	at: isoDateTime
});
export type AccessEntry = v.InferOutput<typeof accessEntrySchema>;

/** Sent after each push. Empty is allowed: the call also tells the server when the tablet last synced. */
export const accessReportsRequestSchema = v.strictObject({
	deviceId: deviceIdSchema,
	entries: v.pipe(v.array(accessEntrySchema, 'Send a list of entries'), v.maxLength(500, 'Send at most 500 entries at a time'))
});
export type AccessReportsRequest = v.InferOutput<typeof accessReportsRequestSchema>;

/** The ids the server holds now (the tablet may forget them); the same answer for every case id. */
export interface AccessReportsResponse {
	acknowledged: string[];
}

const day = (field: string) => v.pipe(v.string(`Enter the ${field} date`), v.isoDate(`Enter the ${field} date like 2026-10-01`));

/** Who opened what: one case (by its reference) or one person, over a range of days (UTC, both included). */
export const accessReviewQuerySchema = v.pipe(
	v.strictObject({
		caseReference: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^RJ-\d{4}-\d{4,6}$/i, 'Enter a case reference like RJ-2026-0101'))),
		userId: v.optional(v.pipe(v.string(), v.uuid('Choose a person from the list'))),
		from: v.optional(day('start')),
		to: v.optional(day('end'))
	}),
	v.forward(
		v.check((q) => q.caseReference !== undefined || q.userId !== undefined, 'Enter a case reference or choose a person'),
		['caseReference']
	),
	v.forward(
		v.check((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'Choose an end date on or after the start date'),
		['to']
	)
);
export type AccessReviewQuery = v.InferOutput<typeof accessReviewQuerySchema>;

/** Why a reported read needs a person to look at it. */
export type AccessFlag = 'not-assigned';

export interface AccessReviewLine {
	caseId: string;
	reference: string;
	action: AuditAction;
	userId: string;
	userName: string;
	deviceId?: string;
	deviceLabel?: string;
	/** When it happened: the tablet's time for something done offline, else the server's. */
	at: string;
	/** When the server heard of it. */
	serverTime: string;
	source: 'online' | 'offline-report';
	screen?: AccessScreen;
	flag?: AccessFlag;
}

export interface AccessReviewResponse {
	lines: AccessReviewLine[];
	/** Per case in the answer: how often it was opened and when first and last. */
	cases: { caseId: string; reference: string; count: number; first: string; last: string }[];
}

/** What one tablet is known to hold, for a breach report. */
export interface DeviceExposure {
	id: string;
	label: string;
	users: { id: string; name: string }[];
	registeredAt: string;
	/** The last time it completed a sync round (or, for older devices, was last seen). */
	lastSyncAt: string;
	revokedAt?: string;
	cases: { caseId: string; reference: string; records: number; lastPulledAt: string }[];
}

export interface DeviceExposureResponse {
	devices: DeviceExposure[];
	serverTime: string;
}

/** The people an access review can be asked about. */
export interface StaffListResponse {
	staff: { id: string; name: string; username: string }[];
}
