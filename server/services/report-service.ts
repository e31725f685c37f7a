import { EXIT_REASONS, type ExitReason } from '../../src/lib/domain/case-record.js';
import { CASE_STAGES } from '../../src/lib/domain/case-stage.js';
import { DECLINE_REASONS, type DeclineReason } from '../../src/lib/domain/referral-decision.js';
import { SATISFACTION_TARGET, type ReportQuery, type ReportResponse, type StageTime } from '../../src/lib/protocol/reports.js';
import type { Couch } from '../store/couch.js';

type Db = Couch['dbs']['records'];

/** One reduced row of a report view over the filter's range: the summed vector, or zeros. */
async function summed(db: Db, view: string, start: unknown, end: unknown, width: number): Promise<number[]> {
	const result = await db.view('tandem', view, { startkey: start, endkey: end, reduce: true, group: false });
	const value = result.rows[0]?.value as number[] | number | undefined;
	const vector = Array.isArray(value) ? value : [];
	return Array.from({ length: width }, (_, i) => vector[i] ?? 0);
}

const counted = <K extends string>(keys: readonly K[], vector: number[], offset: number) =>
	Object.fromEntries(keys.map((key, i) => [key, vector[offset + i]!])) as Record<K, number>;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Reports from the report views (see store/report-views.ts): three range queries, no case loaded. */
export function reportService(couch: Couch) {
	const db = couch.dbs.records;
	return {
		async report(query: ReportQuery): Promise<ReportResponse> {
			const source = query.source ?? '*';
			const start = [source, query.from ?? ''];
			const end = [source, query.to ?? {}];
			const [cases, referrals, feedback] = await Promise.all([
				summed(db, 'report-cases', start, end, 24),
				summed(db, 'report-referrals', start, end, 10),
				summed(db, 'report-feedback', start, end, 7)
			]);
			const stageTimes: StageTime[] = CASE_STAGES.slice(0, 5).map((stage, i) => {
				const days = cases[14 + i * 2]!;
				const stays = cases[15 + i * 2]!;
				return { stage: stage as StageTime['stage'], averageDays: stays === 0 ? null : round1(days / stays), stays };
			});
			const [responses, satisfied] = [feedback[0]!, feedback[1]!];
			return {
				filters: query,
				funnel: {
					referred: cases[0]!, contacted: cases[1]!, assessed: cases[2]!, communication: cases[3]!,
					indirect: cases[4]!, direct: cases[5]!, outcome: cases[6]!, closed: cases[7]!
				},
				exits: counted<ExitReason>(EXIT_REASONS, cases, 8),
				referrals: {
					received: referrals[0]!, waiting: referrals[1]!, accepted: referrals[2]!, declined: referrals[3]!,
					declineReasons: counted<DeclineReason>(DECLINE_REASONS, referrals, 4)
				},
				satisfaction: {
					responses, satisfied, share: responses === 0 ? null : satisfied / responses, target: SATISFACTION_TARGET,
					scores: [feedback[2]!, feedback[3]!, feedback[4]!, feedback[5]!, feedback[6]!]
				}
				,
				stageTimes
			};
		}
	};
}

export type ReportService = ReturnType<typeof reportService>;
