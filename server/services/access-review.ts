import type { AccessReviewLine, AccessReviewQuery, AccessReviewResponse } from '../../src/lib/protocol/access-review.js';
import type { AuditEntry } from '../../src/lib/protocol/audit.js';
import type { Couch } from '../store/couch.js';
import type { AccountStore } from './account-store.js';
import type { AuditLog } from './audit-log.js';
import type { CaseStore } from './case-store.js';
import type { DeviceStore } from './device-store.js';

/** When a line happened: the tablet's time for work done offline, else the server's. */
export const happenedAt = (entry: Pick<AuditEntry, 'deviceTime' | 'serverTime'>) => entry.deviceTime ?? entry.serverTime;

const dayStart = (day: string | undefined) => (day ? `${day}T00:00:00.000Z` : '');
const dayEnd = (day: string | undefined) => (day ? `${day}T23:59:59.999Z` : '\ufff0');

interface Deps {
	couch: Couch;
	audit: AuditLog;
	accounts: AccountStore;
	cases: CaseStore;
	devices: DeviceStore;
}

/**
 * Who opened or changed which case, from which device, when: per case (one key range of its
 * audit log) or per person (the `by-user` view), over a range of days.
 */
export function accessReview({ couch, audit, accounts, cases, devices }: Deps) {
	async function caseIdOf(reference: string): Promise<string | undefined> {
		const found = await couch.dbs.records.view('tandem', 'cases-by-reference', { key: reference.toUpperCase() });
		return found.rows[0]?.id.slice('case:'.length);
	}

	async function byUser(userId: string, from: string, to: string): Promise<AuditEntry[]> {
		const found = await couch.dbs.audit.view('access-review-v1', 'by-user', { startkey: [userId, from], endkey: [userId, to], include_docs: true });
		return found.rows.flatMap((row) => (row.doc ? [row.doc as unknown as AuditEntry] : []));
	}

	async function describe(entries: AuditEntry[]): Promise<AccessReviewResponse> {
		const [summaries, people, tablets] = await Promise.all([
			cases.summaries([...new Set(entries.map((e) => e.caseId))]),
			accounts.list(),
			devices.list()
		]);
		const references = new Map(summaries.map((s) => [s.id, s.reference]));
		const names = new Map(people.map((p) => [p.id, p.displayName]));
		const labels = new Map(tablets.map((d) => [d.id, d.label]));
		const lines = entries
			.map((e): AccessReviewLine => ({
				caseId: e.caseId,
				reference: references.get(e.caseId) ?? '(case removed)',
				action: e.action,
				userId: e.userId,
				userName: names.get(e.userId) ?? '(account removed)',
				...(e.deviceId ? { deviceId: e.deviceId, deviceLabel: labels.get(e.deviceId) ?? '(device removed)' } : {}),
				at: happenedAt(e),
				serverTime: e.serverTime,
				source: e.source,
				...(e.screen ? { screen: e.screen } : {}),
				...(e.flag ? { flag: e.flag } : {})
			}))
			.sort((a, b) => a.at.localeCompare(b.at));
		const perCase = new Map<string, AccessReviewResponse['cases'][number]>();
		for (const line of lines) {
			const seen = perCase.get(line.caseId);
			if (seen) {
				seen.count += 1;
				seen.last = line.at;
			} else perCase.set(line.caseId, { caseId: line.caseId, reference: line.reference, count: 1, first: line.at, last: line.at });
		}
		return { lines, cases: [...perCase.values()].sort((a, b) => a.reference.localeCompare(b.reference)) };
	}

	return {
		/** `unknown-case` when no case has the reference asked for. */
		async review(query: AccessReviewQuery): Promise<AccessReviewResponse | 'unknown-case'> {
			const [from, to] = [dayStart(query.from), dayEnd(query.to)];
			const inRange = (e: AuditEntry) => happenedAt(e) >= from && happenedAt(e) <= to;
			if (!query.caseReference) return describe(await byUser(query.userId!, from, to));
			const caseId = await caseIdOf(query.caseReference);
			if (!caseId) return 'unknown-case';
			return describe((await audit.forCase(caseId)).filter((e) => inRange(e) && (!query.userId || e.userId === query.userId)));
		}
	};
}

export type AccessReview = ReturnType<typeof accessReview>;
