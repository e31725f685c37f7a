import * as v from 'valibot';
import { EXIT_REASONS, REFERRAL_SOURCES, type ExitReason } from '../domain/case-record.js';
import type { CaseStage } from '../domain/case-stage.js';
import { DECLINE_REASONS, type DeclineReason } from '../domain/referral-decision.js';

/** The share of feedback rating the service 4 or 5 that the service aims for. */
export const SATISFACTION_TARGET = 0.85;

const day = (field: string) => v.pipe(v.string(`Enter the ${field} date`), v.isoDate(`Enter the ${field} date like 2026-10-01`));

/** Filters: a range of days (inclusive, UTC) the case was referred in, and who referred it. */
export const reportQuerySchema = v.pipe(
	v.strictObject({
		from: v.optional(day('start')),
		to: v.optional(day('end')),
		source: v.optional(v.picklist(REFERRAL_SOURCES, 'Choose a referral source from the list'))
	}),
	v.forward(
		v.check((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'Choose an end date on or after the start date'),
		['to']
	)
);
export type ReportQuery = v.InferOutput<typeof reportQuerySchema>;

/** Cases referred in the range that reached each stage (a case that closed early counts only where it got to). */
export interface ReportFunnel {
	referred: number;
	contacted: number;
	assessed: number;
	communication: number;
	indirect: number;
	direct: number;
	outcome: number;
	closed: number;
}

export interface StageTime {
	stage: Exclude<CaseStage, 'closed'>;
	/** Mean days of the stays that have ended; null when none has. */
	averageDays: number | null;
	stays: number;
}

export interface ReportResponse {
	filters: ReportQuery;
	funnel: ReportFunnel;
	exits: Record<ExitReason, number>;
	referrals: { received: number; waiting: number; accepted: number; declined: number; declineReasons: Record<DeclineReason, number> };
	/** Filtered by the day feedback arrived; feedback does not record the referral source. */
	satisfaction: { responses: number; satisfied: number; share: number | null; target: number; scores: [number, number, number, number, number] };
	stageTimes: StageTime[];
}

export { DECLINE_REASONS, EXIT_REASONS };
