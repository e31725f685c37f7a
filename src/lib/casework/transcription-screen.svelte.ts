import type { ChecklistTemplate } from '../domain/checklist-template.js';
import { questionsFor, type QuestionRef } from '../domain/checklist-template.js';
import type { ParticipantRecord } from '../domain/participant.js';
import type { FieldProblem } from '../domain/validation.js';
import type { Saver } from './action-result.js';
import { emptyTranscription, saveTranscription, type TranscribedAnswer, type TranscriptionContext } from './transcription.js';

/** The transcription form's state: what is typed, what the domain said, and what was saved. */
export class TranscriptionScreen {
	form = $state(emptyTranscription());
	problems = $state<FieldProblem[]>([]);
	saved = $state<string[]>([]);
	busy = $state(false);

	constructor(private readonly saver: Saver) {}

	questions(template: ChecklistTemplate, participants: readonly ParticipantRecord[]): QuestionRef[] {
		const person = participants.find((p) => p.id === this.form.checklist.participantId);
		return person ? questionsFor(template, person.role) : [];
	}

	/** Read while rendering, so it never writes: a question not yet touched reads as blank. */
	answerOf(key: string): TranscribedAnswer {
		return this.form.checklist.answers[key] ?? { answer: '', note: '', mitigation: '' };
	}

	setAnswer(key: string, change: Partial<TranscribedAnswer>): void {
		this.form.checklist.answers[key] = { ...this.answerOf(key), ...change };
	}

	problemAt(path: string): string | undefined {
		return this.problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
	}

	async save(ctx: TranscriptionContext): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		const result = await saveTranscription(this.saver, $state.snapshot(this.form) as typeof this.form, ctx);
		this.busy = false;
		this.problems = result.ok ? [] : result.problems;
		this.saved = result.ok ? result.records.map((r) => r.type) : [];
		if (result.ok) this.form = emptyTranscription();
		return result.ok;
	}
}
