import type { RecordRepository } from '../db/record-repository.js';
import type { CaseFacts } from '../domain/case-facts.js';
import type { GateFailure } from '../domain/gate.js';
import type { ServicePolicy } from '../domain/service-policy.js';
import type { FieldProblem } from '../domain/validation.js';
import { nowIso } from './letters.js';
import { checkScheduling, type MeetingPlan, type PlanContext } from './meeting-plan.js';

export const blankPlan = (): MeetingPlan => ({
	date: '', time: '', venueKind: '', venueName: '', establishmentId: '',
	participantIds: [], supporterIds: [], groundRulesAgreed: false, plan: ''
});

export interface PreparationOptions {
	repo: RecordRepository;
	policy: ServicePolicy;
	newId?: () => string;
	now?: () => string;
}

/** The meeting preparation form: scheduling saves a planned meeting only when the domain's gate passes. */
export class MeetingPreparation {
	plan = $state<MeetingPlan>(blankPlan());
	problems = $state<FieldProblem[]>([]);
	/** Set when scheduling was refused: every requirement still unmet, in the domain's words. */
	refused = $state<GateFailure[]>([]);
	scheduledFor = $state<string | undefined>();
	readonly #options: PreparationOptions;

	constructor(options: PreparationOptions) {
		this.#options = options;
	}

	problemAt(path: string): string | undefined {
		return this.problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
	}

	/** What still stops the meeting as the form stands now, for the screen to show as the person works. */
	unmetNow(facts: CaseFacts, context: Omit<PlanContext, 'id' | 'at'>): GateFailure[] {
		const check = checkScheduling(facts, this.plan, { ...context, id: 'preview-meeting', at: this.#now() }, this.#options.policy);
		return check.ok ? [] : check.unmet;
	}

	#now(): string {
		return (this.#options.now ?? nowIso)();
	}

	/** True when the meeting was saved; otherwise `problems` or `refused` say why, and nothing was written. */
	async schedule(facts: CaseFacts, context: Omit<PlanContext, 'id' | 'at'>): Promise<boolean> {
		const id = (this.#options.newId ?? (() => crypto.randomUUID()))();
		const check = checkScheduling(facts, this.plan, { ...context, id, at: this.#now() }, this.#options.policy);
		this.scheduledFor = undefined;
		if (!check.ok) {
			this.problems = check.problems;
			this.refused = check.unmet;
			return false;
		}
		const saved = await this.#options.repo.save(check.meeting);
		this.problems = saved.ok ? [] : saved.problems;
		this.refused = [];
		if (!saved.ok) return false;
		this.scheduledFor = check.meeting.scheduledFor;
		this.plan = blankPlan();
		return true;
	}
}
