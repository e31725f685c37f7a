import * as v from 'valibot';
import { caseId, recordId, requiredText } from '../domain/fields.js';
import { retentionPolicySchema, type RetentionPolicy } from '../domain/retention-policy.js';
import type { RetentionItem } from '../domain/retention-rules.js';

/** The retention settings as stored: the policy, and who last changed it (absent while the default stands). */
export interface RetentionSettingsResponse {
	policy: RetentionPolicy;
	updatedAt?: string;
	updatedBy?: string;
}

export const retentionSettingsRequestSchema = v.strictObject({ policy: retentionPolicySchema });
export type RetentionSettingsRequest = v.InferOutput<typeof retentionSettingsRequestSchema>;

/** One line of what retention removed: no names, only what kind, which case or referral, why and by which rule. */
export interface RetentionAuditLine extends RetentionItem {
	/** The policy in force: when it was last changed ("default" while never changed). */
	policy: string;
	serverTime: string;
	by: string;
}

/** The dry run: what would go now and why; and the most recent lines of what went. */
export interface RetentionPreviewResponse {
	due: RetentionItem[];
	recent: RetentionAuditLine[];
	checkedAt: string;
}

/** A run: what it removed, or that another server process is running it now. */
export interface RetentionRunResponse {
	status: 'done' | 'busy';
	removed: number;
	anonymised: number;
	checkedAt: string;
}

export const participantParamsSchema = v.strictObject({ caseId, participantId: recordId });

export const erasureRequestSchema = v.strictObject({
	reason: requiredText('Say why the law allows this erasure', 2_000),
	/** Typed by the coordinator to confirm: the case reference. */
	confirmReference: requiredText('Type the case reference to confirm', 40)
});
export type ErasureRequest = v.InferOutput<typeof erasureRequestSchema>;

export interface ErasureResponse {
	removed: number;
	rewritten: number;
}

export interface RectificationResponse {
	changed: string[];
}
