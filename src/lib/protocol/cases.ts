import * as v from 'valibot';
import type { CaseStage } from '../domain/case-stage.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { CaseNoteRecord } from '../domain/case-note.js';
import { caseId, isoDateTime, recordId, requiredText } from '../domain/fields.js';

/** What "my cases" lists: no names, no notes — enough to find and open a case. */
export interface CaseSummary {
	id: string;
	reference: string;
	stage: CaseStage;
	status: 'open' | 'closed';
	updatedAt: string;
}

export interface MyCasesResponse {
	cases: CaseSummary[];
	serverTime: string;
}

export const caseParamsSchema = v.strictObject({ caseId });

export interface CaseResponse {
	case: CaseRecord;
}

/** A new case note; the server adds the case, the author and the times. */
export const newCaseNoteRequestSchema = v.strictObject({
	id: recordId,
	text: requiredText('Write the note', 20_000),
	aboutParticipantIds: v.pipe(v.array(recordId), v.maxLength(20, 'A note is about at most 20 participants')),
	amendsNoteId: v.optional(recordId),
	/** When it was written on the device, which may have been offline. */
	deviceTime: v.optional(isoDateTime)
});
export type NewCaseNoteRequest = v.InferOutput<typeof newCaseNoteRequestSchema>;

export interface CaseNoteResponse {
	note: CaseNoteRecord;
}

/** Who works on a case after an assignment changed. */
export interface FacilitatorsResponse {
	facilitatorIds: string[];
}
