import { answerQuestion } from '../domain/assessment-run.js';
import type { AssessmentAnswer, RiskAssessmentRecord } from '../domain/risk-assessment.js';
import { isoNow, type Saver } from '../casework/action-result.js';
import { latestSave } from './latest-save.js';

export type SaveStatus = 'idle' | 'waiting' | 'saving' | 'saved' | 'failed';

/** Typing is saved after this pause; a choice of answer, a blur or a hidden tab saves at once. */
export const TYPING_PAUSE_MS = 800;

/**
 * A risk assessment being answered: the working copy the screen shows, saved as it changes.
 * Saves run one at a time and the newest always lands last. Copies arriving from the device
 * store (a sync, another tab) are taken only while nothing of ours is waiting to be written.
 */
export class ChecklistRun {
	working = $state<RiskAssessmentRecord | undefined>();
	status = $state<SaveStatus>('idle');
	message = $state<string | undefined>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/**
	 * The version the store holds of this screen's work: the copy taken from the store, then each
	 * working copy written. A save applies only what changed since, so an answer a colleague gave
	 * meanwhile (pulled while this screen was open) is not written over.
	 */
	#saved: RiskAssessmentRecord | undefined;
	#queue;
	#now: () => string;

	constructor(saver: Saver, now: () => string = isoNow) {
		this.#now = now;
		this.#queue = latestSave(
			// A write can fail outright (the vault locked mid-save): say so rather than lose it quietly.
			(record: RiskAssessmentRecord) =>
				saver
					.save(record, this.#saved ? { basedOn: this.#saved } : {})
					.then((result) => (result.ok && (this.#saved = record), result))
					.catch(() => ({ ok: false as const, problems: [{ path: '(device)', message: 'the tablet could not save this; unlock it and check the answer' }] })),
			(result) => {
				if (result.ok) [this.status, this.message] = [this.#timer || this.#queue.queued ? this.status : 'saved', undefined];
				else [this.status, this.message] = ['failed', result.problems.map((p) => p.message).join('; ')];
			}
		);
	}

	/** Takes the stored copy unless an edit of ours is still waiting to be written. */
	adopt(stored: RiskAssessmentRecord | undefined): void {
		if (!stored || this.#timer || this.#queue.busy) return;
		if (this.working?.id !== stored.id || this.working.updatedAt <= stored.updatedAt) this.working = this.#saved = stored;
	}

	/** Records an answer in the working copy; `typing` waits for a pause before saving. */
	answer(key: string, answer: AssessmentAnswer, typing = false): void {
		if (!this.working) return;
		const next = answerQuestion(this.working, key, answer, this.#now());
		if (!next.ok) return void ([this.status, this.message] = ['failed', next.failures[0].reason]);
		this.working = next.value;
		this.status = 'waiting';
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (typing) this.#timer = setTimeout(() => this.flush(), TYPING_PAUSE_MS);
		else void this.flush();
	}

	/** Writes the working copy now, if an edit waits. Resolves once everything is written. */
	flush(): Promise<void> {
		const waiting = this.#timer !== undefined || this.status === 'waiting';
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (waiting && this.working) {
			this.status = 'saving';
			return this.#queue.save(this.working);
		}
		return this.#queue.settled();
	}
}
