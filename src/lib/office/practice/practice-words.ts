import { formatDay } from '../../domain/calendar-day.js';
import type { AccreditationState, DueState } from '../../domain/practice-due.js';

/** How a due date reads on screen: the flag first, so "Overdue" is what a coordinator sees. */
export function dueWords(state: DueState): string {
	if (state.status === 'overdue') return `Overdue since ${formatDay(state.dueOn)}`;
	if (state.status === 'due-today') return 'Due today';
	return `Due by ${formatDay(state.dueOn)}`;
}

export function accreditationWords(state: AccreditationState): string {
	if (state.status === 'none' || !state.renewal) return 'None recorded';
	if (state.status === 'expired') return `Expired ${formatDay(state.renewal)}`;
	if (state.status === 'renewal-soon') return `Renewal due by ${formatDay(state.renewal)}`;
	return `Current until ${formatDay(state.renewal)}`;
}

export const lastWords = (state: DueState) => (state.last ? formatDay(state.last) : 'None recorded');
