import * as v from 'valibot';
import { caseDocumentFields, isoDate, isoDateTime, recordId, requiredText, userId } from './fields.js';
import { validate, type Validated } from './validation.js';

const actionSchema = v.pipe(
	v.strictObject({
		id: v.pipe(v.string(), v.minLength(1, 'Give the action an id')),
		description: requiredText('Describe the action', 2_000),
		who: requiredText('Say who will do it', 200),
		byDate: isoDate,
		status: v.picklist(['open', 'done', 'not-done'], 'Choose open, done or not done'),
		completedOn: v.optional(isoDate)
	}),
	v.forward(v.check((a) => a.status !== 'done' || a.completedOn !== undefined, 'Enter the date it was done'), ['completedOn'])
);

/** What was agreed, who monitors it, and when the harmed person was told how it went. */
export const outcomeAgreementSchema = v.strictObject({
	type: v.literal('outcome-agreement'),
	v: v.literal(1),
	...caseDocumentFields,
	meetingId: v.optional(recordId),
	agreedAt: isoDateTime,
	actions: v.pipe(
		v.array(actionSchema),
		v.minLength(1, 'Add at least one action'),
		v.check((actions) => new Set(actions.map((a) => a.id)).size === actions.length, 'Each action needs its own id')
	),
	monitoredBy: userId('Choose who monitors the agreement'),
	completionReportedToHarmedPersonAt: v.optional(isoDateTime)
});

export type OutcomeAgreementRecord = v.InferOutput<typeof outcomeAgreementSchema>;

export function parseOutcomeAgreement(input: unknown): Validated<OutcomeAgreementRecord> {
	return validate(outcomeAgreementSchema, input);
}

/** Every action has reached an end, so the harmed person can be told what happened. */
export function readyToReport(agreement: OutcomeAgreementRecord): boolean {
	return agreement.actions.every((a) => a.status !== 'open');
}
