import { createHash } from 'node:crypto';
import type { AccessEntry, AccessFlag } from '../../src/lib/protocol/access-review.js';
import type { Role } from '../../src/lib/protocol/auth.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, updateDoc } from '../store/documents.js';
import { fetchDocs } from './sync-documents.js';

/** A tablet's clock may run a little behind or ahead of the server's; a read this close to a period's edge is not flagged. */
export const CLOCK_GRACE_MS = 10 * 60 * 1000;

/** Who reports: the signed-in person and the device the session was signed in with. */
export interface Reporter {
	user: { id: string };
	roles: readonly Role[];
	deviceId: string;
}

interface Period {
	from: string;
	to?: string;
}

/** `device-sync:<deviceId>` in the accounts database: when the tablet last finished a push and reported. */
export interface DeviceSyncDoc {
	_id: string;
	_rev?: string;
	type: 'device-sync';
	v: 1;
	deviceId: string;
	lastSyncAt: string;
	userId: string;
}

export const deviceSyncId = (deviceId: string) => `device-sync:${deviceId}`;

const within = (at: string, period: Period) => {
	const t = Date.parse(at);
	return Date.parse(period.from || '1970-01-01T00:00:00Z') - CLOCK_GRACE_MS <= t && (!period.to || t <= Date.parse(period.to) + CLOCK_GRACE_MS);
};

/**
 * Reads a tablet reports at sync, filed in the case's audit log at the moment they happened.
 * Each entry's document id is made from the device, the person and the entry's own id, so a retry
 * (or two copies of one report on two processes) writes it once. A read by a facilitator who had
 * no assignment to the case at that moment is kept with a flag for a person to look at.
 */
export function accessReports(couch: Couch) {
	const audit = couch.dbs.audit;
	const accounts = couch.dbs.accounts;

	/** Each case's assignment periods for this person: the current one and those ended. */
	async function periodsOf(userId: string, caseIds: string[]): Promise<Map<string, Period[]>> {
		const current = await fetchDocs<{ caseId: string; since?: string }>(accounts, caseIds.map((caseId) => `assign:${userId}:${caseId}`));
		const periods = new Map<string, Period[]>(caseIds.map((caseId) => [caseId, []]));
		for (const doc of current.values()) periods.get(doc.caseId)?.push({ from: doc.since ?? '' });
		await Promise.all(
			caseIds.map(async (caseId) => {
				const ended = await docsWithPrefix<{ from: string; to: string }>(accounts, `assigned-period:${caseId}:${userId}:`);
				periods.get(caseId)?.push(...ended.map(({ from, to }) => ({ from, to })));
			})
		);
		return periods;
	}

	async function flagsFor(actor: Reporter, entries: AccessEntry[]): Promise<Map<string, AccessFlag>> {
		const flags = new Map<string, AccessFlag>();
		// Coordinators may open any case; everyone else needed an assignment at that moment.
		if (actor.roles.includes('coordinator')) return flags;
		const periods = await periodsOf(actor.user.id, [...new Set(entries.map((e) => e.caseId))]);
		for (const entry of entries) if (!(periods.get(entry.caseId) ?? []).some((p) => within(entry.at, p))) flags.set(entry.id, 'not-assigned');
		return flags;
	}

	return {
		/** Files the entries (once each) and notes the device's sync; answers the ids now held. */
		async receive(actor: Reporter, entries: AccessEntry[], now: Date): Promise<string[]> {
			const serverTime = now.toISOString();
			if (entries.length > 0) {
				const flags = await flagsFor(actor, entries);
				const docs = entries.map((entry) => {
					const key = createHash('sha256').update(`${actor.deviceId}:${actor.user.id}:${entry.id}`).digest('base64url').slice(0, 22);
					const flag = flags.get(entry.id);
					return {
						_id: `case:${entry.caseId}:${entry.at}:r:${key}`,
						type: 'audit',
						v: 1,
						caseId: entry.caseId,
						action: 'read',
						userId: actor.user.id,
						deviceId: actor.deviceId,
						deviceTime: entry.at,
						serverTime,
						source: 'offline-report',
						screen: entry.screen,
						entryId: entry.id,
						...(flag ? { flag } : {})
					};
				});
				const refused = (await audit.bulk({ docs })).filter((result) => result.error);
				// Written by an earlier try: CouchDB answers 409, PouchDB's append-only rule answers forbidden.
				const there = refused.length > 0 ? await fetchDocs<{ _id: string }>(audit, refused.map((r) => r.id!)) : new Map();
				const failed = refused.filter((r) => !there.has(r.id!));
				if (failed.length > 0) throw new Error(`The audit log refused ${failed.length} access reports: ${failed[0]?.error}`);
			}
			await updateDoc<DeviceSyncDoc>(accounts, deviceSyncId(actor.deviceId), (current) =>
				current && current.lastSyncAt >= serverTime
					? undefined
					: { _id: deviceSyncId(actor.deviceId), type: 'device-sync', v: 1, deviceId: actor.deviceId, lastSyncAt: serverTime, userId: actor.user.id }
			);
			return entries.map((entry) => entry.id);
		}
	};
}

export type AccessReports = ReturnType<typeof accessReports>;
