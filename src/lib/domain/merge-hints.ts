import type { RecordType } from './records.js';

/**
 * How the sync engine merges two versions of one field against their common ancestor:
 * - immutable: fixed at creation; a different value is refused, never merged
 * - field: three-way; if both sides changed it differently, both values are kept for a person
 * - by-key: an object merged key by key, each key as a "field" (e.g. one answer per question)
 * - union: a list of ids; additions on both sides are kept, removals on either side apply
 * - latest: bookkeeping that takes the later value (updatedAt, and `v` after a migration)
 */
export type FieldMerge = 'immutable' | 'field' | 'by-key' | 'union' | 'latest';

export interface MergeHint {
	/** append-only documents are never changed after creation: a second version is refused. */
	document: 'mergeable' | 'append-only';
	/** Once a field holds one of these values the document is frozen like an append-only one. */
	frozenWhen?: { field: string; values: readonly string[] };
	fields: Readonly<Record<string, FieldMerge>>;
}

const base = { type: 'immutable', v: 'latest', id: 'immutable', createdAt: 'immutable', createdBy: 'immutable', updatedAt: 'latest' } as const;
const inCase = { ...base, caseId: 'immutable' } as const;
const allImmutable = (fields: readonly string[]) =>
	Object.fromEntries(fields.map((field) => [field, 'immutable' as const]));

export const MERGE_HINTS: Record<RecordType, MergeHint> = {
	case: {
		document: 'mergeable',
		fields: {
			...base, reference: 'immutable', referralSource: 'field', justiceStage: 'field', offenceCategory: 'field',
			offenceDate: 'field', establishmentId: 'field', stage: 'field', stageHistory: 'field', status: 'field', facilitatorIds: 'field',
			coordinatorId: 'field', exitReason: 'field', exitDate: 'field', exitNote: 'field', updatedBy: 'latest'
		}
	},
	participant: {
		document: 'mergeable',
		fields: {
			...inCase, role: 'immutable', supportsParticipantId: 'field', name: 'field', preferredName: 'field', language: 'field',
			interpreterNeeded: 'field', accessibilityNeeds: 'field', safeContact: 'by-key', setting: 'field', prisonNumber: 'field',
			establishmentId: 'field', offenderManagerId: 'field'
		}
	},
	professional: {
		document: 'mergeable',
		fields: { ...base, role: 'field', name: 'field', organisation: 'field', email: 'field', phone: 'field', notes: 'field' }
	},
	establishment: {
		document: 'mergeable',
		fields: { ...base, name: 'field', securityCategory: 'field', visitRules: 'field', devicesAuthorised: 'field', devicesAuthorisedUntil: 'field' }
	},
	contact: {
		document: 'mergeable',
		fields: {
			...inCase, kind: 'field', participantIds: 'union', professionalIds: 'union', establishmentId: 'field', place: 'field', occurredAt: 'field',
			outcome: 'field', summary: 'field', fromPaper: 'immutable'
		}
	},
	'case-note': {
		document: 'append-only',
		fields: { ...inCase, ...allImmutable(['text', 'aboutParticipantIds', 'amendsNoteId', 'v', 'updatedAt']) }
	},
	consent: {
		document: 'append-only',
		fields: { ...inCase, ...allImmutable(['participantId', 'purpose', 'agencies', 'decision', 'decidedAt', 'note', 'fromPaper', 'v', 'updatedAt']) }
	},
	'checklist-template': {
		document: 'append-only',
		fields: { ...base, ...allImmutable(['templateId', 'version', 'title', 'description', 'sections', 'v', 'updatedAt']) }
	},
	'risk-assessment': {
		document: 'mergeable',
		frozenWhen: { field: 'status', values: ['completed'] },
		fields: {
			...inCase, participantId: 'immutable', templateId: 'immutable', templateVersion: 'immutable', stage: 'immutable',
			status: 'field', answers: 'by-key', decision: 'field', completedAt: 'field', fromPaper: 'immutable'
		}
	},
	'assessment-review': {
		document: 'append-only',
		fields: { ...inCase, ...allImmutable(['assessmentId', 'outcome', 'note', 'v', 'updatedAt']) }
	},
	letter: {
		document: 'mergeable',
		frozenWhen: { field: 'status', values: ['sent', 'not-sent'] },
		fields: {
			...inCase, fromParticipantId: 'immutable', toParticipantId: 'field', body: 'field', status: 'field', reviewRequestedAt: 'field', reviewedBy: 'field',
			reviewedAt: 'field', reviewNote: 'field', sentAt: 'field', deliveredOn: 'field'
		}
	},
	meeting: {
		document: 'mergeable',
		fields: {
			...inCase, scheduledFor: 'field', venue: 'by-key', participantIds: 'union', supporterIds: 'union', facilitatorIds: 'union',
			groundRulesAgreed: 'field', plan: 'field', status: 'field', heldAt: 'field', outcome: 'field'
		}
	},
	'outcome-agreement': {
		document: 'mergeable',
		fields: {
			...inCase, meetingId: 'field', agreedAt: 'field', actions: 'field', monitoredBy: 'field',
			completionReportedToHarmedPersonAt: 'field'
		}
	},
	feedback: {
		document: 'append-only',
		fields: {
			...inCase,
			...allImmutable(['anonymous', 'participantId', 'givenName', 'role', 'satisfaction', 'wouldRecommend', 'comments', 'receivedAt', 'referralSource', 'v', 'updatedAt'])
		}
	},
	'paper-pack': {
		document: 'mergeable',
		// Destroyed or filed is final: the paper is gone, so the record of it cannot be reopened.
		frozenWhen: { field: 'status', values: ['destroyed', 'filed'] },
		fields: { ...inCase, ...allImmutable(['printedAt', 'printedBy', 'printedByName', 'templateId', 'templateVersion']), status: 'field', closedAt: 'field', closedBy: 'field' }
	}
};

/** A field's merge rule; a frozen document's fields are all immutable. */
export function mergeRuleOf(type: RecordType, field: string, doc?: Record<string, unknown>): FieldMerge | undefined {
	const hint = MERGE_HINTS[type];
	const frozen = hint.frozenWhen && doc && hint.frozenWhen.values.includes(String(doc[hint.frozenWhen.field]));
	const rule = hint.fields[field];
	return rule && (frozen || hint.document === 'append-only') ? 'immutable' : rule;
}
