import type { DeviceExposure } from '../../src/lib/protocol/access-review.js';
import { caseRecordRange, belongsToCase } from '../../src/lib/domain/ids.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix } from '../store/documents.js';
import type { AccountStore } from './account-store.js';
import type { DeviceSyncDoc } from './access-reports.js';
import type { CaseStore } from './case-store.js';
import type { DeviceStore } from './device-store.js';

interface Deps {
	couch: Couch;
	accounts: AccountStore;
	cases: CaseStore;
	devices: DeviceStore;
}

const latest = (...times: (string | undefined)[]) => times.filter((t): t is string => !!t).sort().at(-1) ?? '';

/**
 * What each tablet is known to hold, for a breach report. A tablet holds a case it pulled
 * (the audit log's pull lines, one view query for every device) unless it has synced since it lost
 * the case: a purge comes with the first pull after an assignment ended or the case closed.
 * When that moment is not known, the case counts as held: a breach report errs on the side of more.
 */
export function deviceExposure({ couch, accounts, cases, devices }: Deps) {
	async function recordsIn(caseId: string): Promise<number> {
		const rows = (await couch.dbs.records.list(caseRecordRange(caseId))).rows;
		return rows.filter((row) => belongsToCase(row.id, caseId) && !row.id.includes(':conflicts:')).length;
	}

	async function endedPeriods(caseId: string, userIds: string[]): Promise<string[]> {
		const ended = await docsWithPrefix<{ userId: string; to: string }>(couch.dbs.accounts, `assigned-period:${caseId}:`);
		return ended.filter((p) => userIds.includes(p.userId)).map((p) => p.to);
	}

	return {
		async list(): Promise<DeviceExposure[]> {
			const [tablets, people, syncs, pulls] = await Promise.all([
				devices.list(),
				accounts.list(),
				docsWithPrefix<DeviceSyncDoc>(couch.dbs.accounts, 'device-sync:'),
				couch.dbs.audit.view<string>('access-review-v1', 'pulls-by-device', { group_level: 2 })
			]);
			const person = new Map(people.map((p) => [p.id, p]));
			const lastSync = new Map(syncs.map((s) => [s.deviceId, s.lastSyncAt]));
			const pulled = new Map<string, Map<string, string>>();
			for (const row of pulls.rows) {
				const [deviceId, caseId] = row.key as unknown as [string, string];
				pulled.set(deviceId, (pulled.get(deviceId) ?? new Map()).set(caseId, row.value));
			}
			const caseIds = [...new Set([...pulled.values()].flatMap((m) => [...m.keys()]))];
			const summaries = new Map((await cases.summaries(caseIds)).map((s) => [s.id, s]));

			return Promise.all(
				tablets.map(async (tablet): Promise<DeviceExposure> => {
					const mine = pulled.get(tablet.id) ?? new Map<string, string>();
					const syncedAt = latest(lastSync.get(tablet.id), tablet.lastSeenAt, ...mine.values());
					const held = await Promise.all(
						[...mine].map(async ([caseId, lastPulledAt]) => {
							const summary = summaries.get(caseId);
							if (!summary) return undefined;
							const coordinator = tablet.userIds.some((id) => person.get(id)?.roles.includes('coordinator'));
							const assigned = await Promise.all(tablet.userIds.map((id) => accounts.isAssigned(id, caseId)));
							const open = summary.status === 'open';
							const stillAllowed = coordinator || (open && assigned.some(Boolean));
							if (!stillAllowed) {
								const lostAt = latest(...(await endedPeriods(caseId, tablet.userIds)), open ? undefined : summary.updatedAt);
								if (lostAt && syncedAt > lostAt) return undefined;
							}
							return { caseId, reference: summary.reference, records: await recordsIn(caseId), lastPulledAt };
						})
					);
					return {
						id: tablet.id,
						label: tablet.label,
						users: tablet.userIds.map((id) => ({ id, name: person.get(id)?.displayName ?? '(account removed)' })),
						registeredAt: tablet.registeredAt,
						lastSyncAt: syncedAt,
						...(tablet.revokedAt ? { revokedAt: tablet.revokedAt } : {}),
						cases: held.filter((c) => c !== undefined).sort((a, b) => a.reference.localeCompare(b.reference))
					};
				})
			);
		}
	};
}

export type DeviceExposureService = ReturnType<typeof deviceExposure>;
