import { parseConsent, type ConsentDecision, type ConsentPurpose, type ConsentRecord } from '../domain/consent.js';
import type { CaseFacts } from '../domain/case-facts.js';
import { withdraw } from '../domain/withdrawal.js';
import { refused, type ActionResult, type Saver } from './action-result.js';

export interface ConsentForm {
	participantId: string;
	purpose: ConsentPurpose | undefined;
	decision: ConsentDecision | undefined;
	/** One agency a line, as typed. */
	agencies: string;
	/** When the person said so, from a datetime-local field (local time); empty means now. */
	decidedAt: string;
	note: string;
}

export interface ConsentContext {
	saver: Saver;
	userId: string;
	now?: () => string;
	newId?: () => string;
}

/** A datetime-local value ("2026-11-03T10:15") as an ISO moment; left as typed when it is not a date. */
export function fromLocalInput(value: string, fallback: string): string {
	if (value.trim() === '') return fallback;
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

/** Recording consent decisions and withdrawals: each a new document, saved through the repository. */
export function consentActions({ saver, userId, now = () => new Date().toISOString(), newId = () => crypto.randomUUID() }: ConsentContext) {
	async function store(record: unknown): Promise<ActionResult<ConsentRecord>> {
		const parsed = parseConsent(record);
		if (!parsed.ok) return refused(parsed.problems);
		const result = await saver.save(parsed.value);
		return result.ok ? { ok: true, value: result.value as ConsentRecord } : refused(result.problems);
	}

	return {
		record(facts: CaseFacts, form: ConsentForm): Promise<ActionResult<ConsentRecord>> {
			const at = now();
			const agencies = form.agencies.split('\n').map((a) => a.trim()).filter(Boolean);
			return store({
				type: 'consent',
				v: 1,
				id: newId(),
				caseId: facts.case.id,
				participantId: form.participantId,
				purpose: form.purpose,
				agencies: form.purpose === 'share-information' ? agencies : [],
				decision: form.decision,
				decidedAt: fromLocalInput(form.decidedAt, at),
				...(form.note.trim() ? { note: form.note.trim() } : {}),
				createdAt: at,
				updatedAt: at,
				createdBy: userId
			});
		},

		/** Withdrawal from taking part: no reason asked, recorded as of now. */
		withdraw(facts: CaseFacts, participantId: string): Promise<ActionResult<ConsentRecord>> {
			const at = now();
			const gated = withdraw(facts, { id: newId(), participantId, decidedAt: at, at, by: userId });
			return gated.ok ? store(gated.value) : Promise.resolve(refused([], gated.failures));
		}
	};
}
