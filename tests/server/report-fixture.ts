import { parseCaseRecord, type StageEntry } from '../../src/lib/domain/case-record.js';
import { parseFeedback } from '../../src/lib/domain/feedback.js';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import type { Services } from '../../server/services/services.js';
import { professionalReferral, selfReferral } from './public-form-fixtures.js';

/**
 * A known service: seven cases, four referrals and six feedback forms on fixed days (one stored
 * before feedback carried its case's referral source), written
 * through the stores (each record checked by the domain's schema first). reports.test.ts works
 * out by hand what the reports must say about them.
 */
const day = (date: string) => `${date}T09:00:00.000Z`;
const moves = (...entries: [StageEntry['stage'], string, StageEntry['mode']?][]) =>
	entries.map(([stage, date, mode]) => ({ stage, at: day(date), ...(mode ? { mode } : {}) }));

const CASES = [
	// Referred 1 Oct, all the way through an indirect process to a completed close.
	{ id: 'case-rep-a001', source: 'self', created: '2026-10-01', history: moves(['initial-contact', '2026-10-03'], ['assessment', '2026-10-08'], ['communication', '2026-10-18', 'indirect'], ['outcome', '2026-10-28'], ['closed', '2026-11-02']), exit: 'completed' },
	{ id: 'case-rep-b001', source: 'self', created: '2026-10-05', history: moves(['initial-contact', '2026-10-06'], ['assessment', '2026-10-10']) },
	{ id: 'case-rep-c001', source: 'police', created: '2026-10-10', history: moves(['initial-contact', '2026-10-11'], ['closed', '2026-10-20']), exit: 'withdrawn-by-harmed-person' },
	{ id: 'case-rep-d001', source: 'police', created: '2026-10-12', history: moves(['initial-contact', '2026-10-14'], ['assessment', '2026-10-16'], ['communication', '2026-10-26', 'direct']) },
	{ id: 'case-rep-f001', source: 'police', created: '2026-10-20', history: moves(['initial-contact', '2026-10-21'], ['assessment', '2026-10-22'], ['closed', '2026-10-30']), exit: 'unsuitable' },
	// The last minutes of October, and a case from November: the edges of a date filter.
	{ id: 'case-rep-g001', source: 'self', created: '2026-10-31', time: 'T23:30:00.000Z', history: [] },
	{ id: 'case-rep-e001', source: 'self', created: '2026-11-15', history: [] }
] as const;

// [day, score, case, the case's source as the server copies it]; the last came before feedback
// carried a source, so it has none.
const FEEDBACK: [string, number, string, 'self' | 'police' | undefined][] = [
	['2026-10-15', 5, 'case-rep-a001', 'self'], ['2026-10-15', 4, 'case-rep-c001', 'police'], ['2026-10-16', 4, 'case-rep-d001', 'police'],
	['2026-10-20', 2, 'case-rep-f001', 'police'], ['2026-11-20', 5, 'case-rep-b001', 'self'], ['2026-11-20', 1, 'case-rep-a001', undefined]
];

export async function writeReportFixture(services: Services, coordinatorId: string): Promise<void> {
	for (const [n, c] of CASES.entries()) {
		const createdAt = 'time' in c ? `${c.created}${c.time}` : day(c.created);
		const last = c.history.at(-1);
		const stage = last?.stage ?? 'referral';
		const parsed = parseCaseRecord({
			type: 'case', v: 1, id: c.id, reference: `RJ-2026-09${String(n).padStart(2, '0')}`, referralSource: c.source, justiceStage: 'custodial-sentence',
			stage, status: stage === 'closed' ? 'closed' : 'open', ...('exit' in c ? { exitReason: c.exit, exitDate: last!.at } : {}),
			stageHistory: c.history, facilitatorIds: [], coordinatorId, createdAt, updatedAt: last?.at ?? createdAt, createdBy: coordinatorId
		});
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		await services.cases.create(parsed.value);
	}
	for (const [n, [date, satisfaction, caseId, referralSource]] of FEEDBACK.entries()) {
		const id = `fb-rep-${n}`;
		const parsed = parseFeedback({
			type: 'feedback', v: 1, id, caseId, createdAt: day(date), updatedAt: day(date), createdBy: 'feedback-link',
			anonymous: true, satisfaction, comments: '', receivedAt: day(date), ...(referralSource ? { referralSource } : {})
		});
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		await services.feedbackLinks.storeOnce(caseChildDocId(caseId, 'feedback', id), parsed.value);
	}
	const { agreeToContact: _a, ...self } = selfReferral;
	const { personAgreed: _p, ...professional } = professionalReferral;
	const decide = (reference: string, status: 'accepted' | 'declined', reason?: 'duplicate' | 'outside-criteria') =>
		services.referrals.decide(reference.toLowerCase(), status, { by: coordinatorId, at: day('2026-10-05'), ...(reason ? { reason } : {}) });
	await decide(await services.referrals.create({ kind: 'self', details: self } as never, new Date(day('2026-10-02'))), 'declined', 'duplicate');
	await decide(await services.referrals.create({ kind: 'self', details: { ...self, name: 'Kim Example' } } as never, new Date(day('2026-10-03'))), 'accepted');
	await decide(await services.referrals.create({ kind: 'professional', details: professional } as never, new Date(day('2026-10-04'))), 'declined', 'outside-criteria');
	await services.referrals.create({ kind: 'professional', details: { ...professional, referralSource: 'police' } } as never, new Date(day('2026-11-10')));
}
