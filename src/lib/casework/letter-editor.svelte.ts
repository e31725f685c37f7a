import type { RecordRepository } from '../db/record-repository.js';
import { reviseLetter, type LetterRecord } from '../domain/letter.js';
import type { GateFailure } from '../domain/gate.js';
import type { FieldProblem } from '../domain/validation.js';
import { createAutosave, type AutosaveState } from './autosave-queue.js';
import { applyLetterAction, nowIso, startLetter, type LetterAction } from './letters.js';

export interface LetterEditorOptions {
	repo: RecordRepository;
	caseId: string;
	letterId: string;
	userId: string;
	now?: () => string;
}

/**
 * One letter being written: the words typed are saved a moment after the person stops (and every
 * few seconds while they keep going), each save through the domain, so a reviewed letter whose
 * words change goes back to draft.
 */
export class LetterEditor {
	letter = $state<LetterRecord | undefined>();
	body = $state('');
	from = $state<string[]>([]);
	to = $state<string[]>([]);
	saveState = $state<AutosaveState>('idle');
	problems = $state<FieldProblem[]>([]);
	/** Why the last step (review, send…) was refused, in the domain's words. */
	refusals = $state<GateFailure[]>([]);
	loaded = $state(false);
	readonly #options: LetterEditorOptions;
	readonly #now: () => string;
	readonly #autosave;

	constructor(options: LetterEditorOptions) {
		this.#options = options;
		this.#now = options.now ?? nowIso;
		this.#autosave = createAutosave<void>({
			delayMs: 800,
			maxWaitMs: 4_000,
			save: () => this.#saveWords(),
			onState: (state) => (this.saveState = state)
		});
	}

	/** The letter as the device store has it now; the first reading fills the form. */
	receive(letter: LetterRecord | undefined): void {
		if (!this.loaded && letter) {
			this.body = letter.body;
			this.from = [letter.fromParticipantId];
			this.to = letter.toParticipantId ? [letter.toParticipantId] : [];
		}
		// A save of ours may be newer than what the live query has caught up with; a query that ran
		// before our first save must not make the letter look unsaved, or the next save would make it again.
		if (!letter || (this.letter && letter.updatedAt < this.letter.updatedAt)) return void (this.loaded = true);
		// A newer version from sync (the co-facilitator took out a name, say) replaces the words on
		// screen unless the person here has typed something not yet saved.
		if (this.letter && letter.updatedAt > this.letter.updatedAt && !this.#autosave.waiting) {
			this.body = letter.body;
			this.to = letter.toParticipantId ? [letter.toParticipantId] : [];
		}
		this.letter = letter;
		this.loaded = true;
	}

	problemAt(path: string): string | undefined {
		return this.problems.find((p) => p.path === path)?.message;
	}

	changed(): void {
		this.#autosave.change();
	}

	flush(): Promise<void> {
		return this.#autosave.flush();
	}

	/** `basedOn` is the letter the change was made to: a version pulled since keeps its other changes. */
	async #store(record: unknown, basedOn?: LetterRecord): Promise<boolean> {
		const saved = await this.#options.repo.save(record, basedOn ? { basedOn } : {});
		this.problems = saved.ok ? [] : saved.problems;
		if (saved.ok && saved.value.type === 'letter') this.letter = saved.value;
		return saved.ok;
	}

	async #saveWords(): Promise<boolean> {
		const at = this.#now();
		const [fromParticipantId] = this.from;
		const [toParticipantId] = this.to;
		if (!fromParticipantId) {
			this.problems = [{ path: 'fromParticipantId', message: 'Choose who is writing the letter' }];
			return false;
		}
		if (!this.letter) {
			const { caseId, letterId: id, userId: by } = this.#options;
			return this.#store(startLetter({ id, caseId, by, at, fromParticipantId, toParticipantId, body: this.body }));
		}
		const revised = reviseLetter(this.letter, { body: this.body, ...(toParticipantId ? { toParticipantId } : {}) }, at);
		if (!revised.ok) return (this.refusals = revised.failures), false;
		return revised.value === this.letter ? true : this.#store(revised.value, this.letter);
	}

	/** A step on the letter; what is typed is saved first, so the step applies to the words on screen. */
	async act(action: LetterAction, note = ''): Promise<boolean> {
		await this.flush();
		if (!this.letter || this.saveState === 'refused' || this.saveState === 'failed') return false;
		const result = applyLetterAction(this.letter, action, this.#options.userId, this.#now(), note);
		if (!result.ok) return (this.refusals = result.failures), false;
		this.refusals = [];
		return this.#store(result.value, this.letter);
	}
}
