import { CASE_STAGE_LABELS, type CaseStage } from '../domain/case-stage.js';
import { nextStep, overdueRiskReviews } from '../domain/next-step.js';
import { displayName, PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import { DEFAULT_PAPER_SETTINGS, type PaperSettings } from '../domain/paper-settings.js';
import type { ServicePolicy } from '../domain/service-policy.js';
import type { CaseSummary } from '../protocol/cases.js';
import type { CaseMarkers } from '../sync/case-markers.js';
import { caseFactsFrom } from './case-facts-from-records.js';
import { paperReminders } from './paper-pack-view.js';

export interface TodayRow {
	id: string;
	reference: string;
	stage: CaseStage;
	stageLabel: string;
	/** What to do next, in plain words. */
	nextStep: string;
	/** One line per stale risk assessment. */
	overdueReviews: string[];
	/** One line per printed paper pack not yet destroyed or filed past the service's allowance. */
	paperReminders: string[];
	people: { name: string; role: ParticipantRole; roleLabel: string }[];
	unsynced: number;
	needsDecision: number;
	updatedAt: string;
}

const NOT_LOADED = 'Sync to load this case’s records';

/** The facilitator's caseload as the Today list shows it: by reference, closed cases last. */
export function todayRows(
	summaries: readonly CaseSummary[],
	records: readonly DomainRecord[],
	markers: ReadonlyMap<string, CaseMarkers>,
	policy: ServicePolicy,
	now: string,
	paper: PaperSettings = DEFAULT_PAPER_SETTINGS
): TodayRow[] {
	return summaries
		.map((summary) => {
			const facts = caseFactsFrom(records, summary.id);
			const stage = facts?.case.stage ?? summary.stage;
			return {
				id: summary.id,
				reference: summary.reference,
				stage,
				stageLabel: CASE_STAGE_LABELS[stage],
				nextStep: facts ? nextStep(facts, policy, now).summary : NOT_LOADED,
				overdueReviews: facts ? overdueRiskReviews(facts, policy, now).map((r) => r.message) : [],
				paperReminders: paperReminders(records.filter((r) => r.type === 'paper-pack' && r.caseId === summary.id), paper, now),
				people: (facts?.participants ?? []).map((p) => ({ name: displayName(p), role: p.role, roleLabel: PARTICIPANT_ROLE_LABELS[p.role] })),
				unsynced: markers.get(summary.id)?.unsynced ?? 0,
				needsDecision: markers.get(summary.id)?.needsDecision ?? 0,
				updatedAt: facts?.case.updatedAt ?? summary.updatedAt
			};
		})
		.sort((a, b) => Number(a.stage === 'closed') - Number(b.stage === 'closed') || a.reference.localeCompare(b.reference));
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');

/**
 * Search on the decrypted rows, on the device: every word typed must match the reference or a
 * participant's name (full or preferred). Nothing is indexed in clear.
 */
export function searchToday(rows: readonly TodayRow[], names: ReadonlyMap<string, string[]>, text: string): TodayRow[] {
	const words = fold(text).split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...rows];
	return rows.filter((row) => {
		const haystack = fold([row.reference, ...(names.get(row.id) ?? [])].join(' '));
		return words.every((word) => haystack.includes(word));
	});
}

/** Every name a case's participants go by (full and preferred), for search only; never shown. */
export function searchableNames(records: readonly DomainRecord[]): Map<string, string[]> {
	const names = new Map<string, string[]>();
	for (const record of records) {
		if (record.type !== 'participant') continue;
		names.set(record.caseId, [...(names.get(record.caseId) ?? []), record.name, ...(record.preferredName ? [record.preferredName] : [])]);
	}
	return names;
}
