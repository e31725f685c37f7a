import { formatDay } from './calendar-day.js';

/**
 * What a coordinator should know before saving who works on a case. Warnings, not refusals:
 * a service short of staff may knowingly run a case with one facilitator for a while.
 */
export interface FacilitatorLoad {
	id: string;
	displayName: string;
	/** Open cases they work on now, this case included if they are on it. */
	caseload: number;
	/** Supervision or observation overdue today, with the day each fell due (see practice-due.ts). */
	overduePractice?: readonly { what: 'supervision' | 'observation'; dueOn: string }[];
}

export interface AllocationInput {
	/** The facilitators chosen for the case. */
	chosen: readonly string[];
	/** Who works on the case now (before the change): their caseload already counts it. */
	current: readonly string[];
	facilitators: readonly FacilitatorLoad[];
	/** People with a conflict of interest recorded against this case. */
	conflicts: readonly string[];
	caseloadLimit: number;
	facilitatorsPerCase: number;
}

export type AllocationWarning =
	| { code: 'too-few'; message: string }
	| { code: 'conflict-of-interest'; userId: string; message: string }
	| { code: 'over-caseload'; userId: string; message: string }
	| { code: 'practice-overdue'; userId: string; message: string };

export function allocationWarnings(input: AllocationInput): AllocationWarning[] {
	const warnings: AllocationWarning[] = [];
	const wanted = input.facilitatorsPerCase;
	if (input.chosen.length < wanted) {
		const count = input.chosen.length === 0 ? 'No facilitator is' : 'Only one facilitator is';
		warnings.push({ code: 'too-few', message: `${count} assigned. This service works each case with ${wanted === 2 ? 'two facilitators' : 'one facilitator'}.` });
	}
	for (const id of input.chosen) {
		const person = input.facilitators.find((f) => f.id === id);
		const name = person?.displayName ?? 'This facilitator';
		if (input.conflicts.includes(id)) warnings.push({ code: 'conflict-of-interest', userId: id, message: `${name} has a conflict of interest recorded for this case.` });
		const already = input.current.includes(id);
		const load = (person?.caseload ?? 0) + (already ? 0 : 1);
		if (load > input.caseloadLimit)
			warnings.push({ code: 'over-caseload', userId: id, message: `${name} ${already ? 'has' : 'would have'} ${load} open cases, over the limit of ${input.caseloadLimit}.` });
		const overdue = person?.overduePractice ?? [];
		if (overdue.length > 0) {
			const what = overdue.map((o) => `${o.what} (due ${formatDay(o.dueOn)})`).join(' and ');
			warnings.push({ code: 'practice-overdue', userId: id, message: `${name} is overdue for ${what}.` });
		}
	}
	return warnings;
}
