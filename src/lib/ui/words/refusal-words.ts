import type { RefusedChange } from '../../sync/refused-changes.js';
import { fieldName, RECORD_NAMES } from './field-names.js';
import { valueText } from './value-words.js';

const REASONS: Record<string, string> = {
	'invalid-record': 'Something in it was missing or not valid when the server checked it.',
	'record-not-found': 'The record it changes is not on the server any more.',
	'immutable-field-changed': 'It changes something that cannot change once it is saved, such as a case note or a consent record.',
	'record-frozen': 'The record was made final (for example the letter was sent or the assessment completed) before this change arrived.',
	'record-type-mismatch': 'It does not match the kind of record it changes.',
	'newer-version': 'A newer version of Tandem wrote this record. Update the app, then enter the change again.',
	forbidden: 'Only a coordinator can change this.'
};

/** Why the server said no, in plain words; an unknown reason from a newer server keeps its own message. */
export function refusalReason(refused: Pick<RefusedChange, 'code' | 'message'>): string {
	return REASONS[refused.code] ?? refused.message;
}

/** What was changed, e.g. "A change to a case note" or "A new letter". */
export function refusedWhat(refused: Pick<RefusedChange, 'record' | 'changed'>): string {
	const kind = RECORD_NAMES[refused.record.type];
	const fields = refused.changed.filter((field) => !['type', 'v', 'id', 'caseId', 'createdAt', 'createdBy', 'updatedAt'].includes(field));
	const names = fields.slice(0, 4).map((field) => fieldName(refused.record.type, [field]).toLowerCase());
	return names.length > 0 ? `A change to a ${kind}: ${names.join(', ')}` : `A change to a ${kind}`;
}

/** The field problems the server named, each with the field's name. */
export function refusalProblems(refused: Pick<RefusedChange, 'record' | 'fields'>): string[] {
	return refused.fields.map((problem) => `${fieldName(refused.record.type, problem.path.split('.'))}: ${problem.message}`);
}

/** The written values as text a person can copy and enter again elsewhere. */
export function refusedText(refused: Pick<RefusedChange, 'record' | 'written'>): string {
	return Object.entries(refused.written)
		.filter(([field]) => !['type', 'v', 'id', 'caseId', 'createdAt', 'createdBy', 'updatedAt'].includes(field))
		.map(([field, value]) => `${fieldName(refused.record.type, [field])}: ${valueText(value, value !== undefined)}`)
		.join('\n');
}
