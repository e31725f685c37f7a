import { HOLDS_PER_CASE, type HeldVersion, type PullRequest } from '../protocol/sync-pull.js';
import type { MutationResult } from '../protocol/sync.js';

/** A revision a push stored that the tablet will hold exactly as the server has it. */
export interface PushedVersion extends HeldVersion {
	/** Absent for a service-wide record. */
	caseId?: string;
}

/**
 * Whether the tablet holds the revision an answer names exactly as the server stored it: `applied`
 * (the server wrote the change as sent, on the revision it was made on) or `merged` (the answer
 * carries the record). A `duplicate` names a revision whose values the tablet may never have seen
 * (the first try's answer was lost, and the server may have merged it), so the pull sends it.
 */
export const holdsAsStored = (result: MutationResult): result is Extract<MutationResult, { status: 'applied' | 'merged' }> => result.status === 'applied' || result.status === 'merged';

/**
 * The pull's question with the revisions this round's push stored named as held, so the server
 * does not send the tablet its own changes back. The last revision of each record counts; a case
 * the question does not list gets none (the server adds it, and sends all of it).
 */
export function withHolds(question: PullRequest, pushed: readonly PushedVersion[]): PullRequest {
	if (pushed.length === 0) return question;
	const latest = new Map(pushed.map((version) => [version.docId, version]));
	const byCase = new Map<string | undefined, HeldVersion[]>();
	for (const { docId, rev, caseId } of latest.values()) byCase.set(caseId, [...(byCase.get(caseId) ?? []), { docId, rev }]);
	const holdsOf = (caseId: string | undefined) => byCase.get(caseId)?.slice(-HOLDS_PER_CASE);
	const cases = question.cases.map((entry) => {
		const holds = holdsOf(entry.caseId);
		return holds ? { ...entry, holds } : entry;
	});
	const serviceHolds = holdsOf(undefined);
	const service = question.service && serviceHolds ? { ...question.service, holds: serviceHolds } : question.service;
	return { ...question, cases, ...(service ? { service } : {}) };
}
