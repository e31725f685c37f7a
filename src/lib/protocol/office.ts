import * as v from 'valibot';
import type { AllocationWarning, FacilitatorLoad } from '../domain/allocation.js';
import { JUSTICE_STAGES, OFFENCE_CATEGORIES } from '../domain/case-record.js';
import type { CaseStage } from '../domain/case-stage.js';
import { caseId, optionalText, requiredText } from '../domain/fields.js';
import { DECLINE_REASONS, REFERRAL_STATUSES, type DeclineReason, type ReferralStatus } from '../domain/referral-decision.js';
import type { MatchReason } from '../domain/referral-match.js';
import type { ProfessionalReferralRequest, SelfReferralRequest } from './referrals.js';

/** The office's work on referrals and allocation: online only, for coordinators. */

export const referralParamsSchema = v.strictObject({
	referralId: v.pipe(v.string('Choose a referral'), v.regex(/^rf-[a-z0-9]{4}-[a-z0-9]{4}$/, 'Use a referral id like rf-7kqm-3xpa'))
});

export const referralListQuerySchema = v.strictObject({
	status: v.optional(v.picklist(REFERRAL_STATUSES, 'Choose new, accepted or declined'))
});

export type SelfReferralDetails = Omit<SelfReferralRequest, 'website' | 'agreeToContact'>;
export type ProfessionalReferralDetails = Omit<ProfessionalReferralRequest, 'website' | 'personAgreed'>;

/** Another referral that looks like the same person and offence, and why. */
export interface PossibleDuplicate {
	id: string;
	reference: string;
	status: ReferralStatus;
	caseReference?: string;
	reasons: MatchReason[];
}

export interface ReferralDecision {
	by: string;
	at: string;
	caseId?: string;
	caseReference?: string;
	reason?: DeclineReason;
	note?: string;
}

export type ReferralView = {
	id: string;
	reference: string;
	status: ReferralStatus;
	receivedAt: string;
	decision?: ReferralDecision;
	duplicates: PossibleDuplicate[];
} & ({ kind: 'self'; details: SelfReferralDetails } | { kind: 'professional'; details: ProfessionalReferralDetails });

export interface ReferralListResponse {
	referrals: ReferralView[];
}

/** What the coordinator settles when making a case; a self-referral does not say it. */
export const acceptReferralRequestSchema = v.strictObject({
	justiceStage: v.picklist(JUSTICE_STAGES, 'Choose where the person responsible is in the justice process'),
	offenceCategory: v.optional(v.picklist(OFFENCE_CATEGORIES, 'Choose an offence category from the list'))
});
export type AcceptReferralRequest = v.InferOutput<typeof acceptReferralRequestSchema>;

export interface AcceptReferralResponse {
	caseId: string;
	caseReference: string;
}

export const declineReferralRequestSchema = v.pipe(
	v.strictObject({
		reason: v.picklist(DECLINE_REASONS, 'Choose a reason for declining'),
		note: v.optional(optionalText(2_000))
	}),
	v.forward(
		v.check((d) => d.reason !== 'other' || (d.note ?? '').trim().length > 0, 'Say why, when the reason is "another reason"'),
		['note']
	)
);
export type DeclineReferralRequest = v.InferOutput<typeof declineReferralRequestSchema>;

/** One open case as the allocation list shows it. */
export interface AllocationCase {
	id: string;
	reference: string;
	stage: CaseStage;
	facilitatorIds: string[];
	conflicts: string[];
	warnings: AllocationWarning[];
}

export interface AllocationListResponse {
	cases: AllocationCase[];
	facilitators: FacilitatorLoad[];
	caseloadLimit: number;
	facilitatorsPerCase: number;
}

export interface CaseAllocationResponse extends Omit<AllocationListResponse, 'cases'> {
	case: AllocationCase;
	conflictNotes: { userId: string; note: string; recordedAt: string }[];
}

const facilitatorId = v.pipe(v.string('Choose a facilitator'), v.uuid('Choose a facilitator from the list'));

/** Who works on the case after saving: assigns, reassigns and unassigns in one change. */
export const setFacilitatorsRequestSchema = v.strictObject({
	facilitatorIds: v.pipe(
		v.array(facilitatorId, 'Choose the facilitators'),
		v.maxLength(2, 'A case has at most two facilitators'),
		v.check((ids) => new Set(ids).size === ids.length, 'Choose two different facilitators')
	)
});
export type SetFacilitatorsRequest = v.InferOutput<typeof setFacilitatorsRequestSchema>;

export const conflictParamsSchema = v.strictObject({
	caseId,
	userId: facilitatorId
});

export const conflictRequestSchema = v.strictObject({ note: requiredText('Say what the conflict of interest is', 1_000) });

export const caseloadSettingsSchema = v.strictObject({
	caseloadLimit: v.pipe(v.number('Enter a number of cases'), v.integer('Use a whole number of cases'), v.minValue(1, 'Allow at least 1 case'), v.maxValue(200, 'Allow at most 200 cases'))
});
export type CaseloadSettings = v.InferOutput<typeof caseloadSettingsSchema>;
