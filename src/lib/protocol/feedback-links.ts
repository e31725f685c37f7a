import * as v from 'valibot';
import { optionalText } from '../domain/fields.js';
import { PARTICIPANT_ROLES } from '../domain/participant.js';
import { honeypotField } from './referrals.js';

/** A coordinator asks for a feedback link for a case; it may say whose role the feedback comes from. */
export const newFeedbackLinkRequestSchema = v.strictObject({
	role: v.optional(v.picklist(PARTICIPANT_ROLES, 'Choose harmed person, person responsible or supporter'))
});
export type NewFeedbackLinkRequest = v.InferOutput<typeof newFeedbackLinkRequestSchema>;

/** Shown once: only a hash of the token is kept. */
export interface FeedbackLinkResponse {
	id: string;
	token: string;
	/** The page the participant opens: `/feedback/<token>`. */
	path: string;
	expiresAt: string;
}

export const feedbackTokenParamsSchema = v.strictObject({
	token: v.pipe(v.string('Open the link from your message again'), v.regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete. Open it again from the message you were sent'))
});

const score = 'Choose a score from 1 to 5';

/** Feedback through a link: a score, and what the person chooses to add; a name only if they give one. */
export const publicFeedbackRequestSchema = v.strictObject({
	satisfaction: v.pipe(v.number(score), v.integer(score), v.minValue(1, score), v.maxValue(5, score)),
	wouldRecommend: v.optional(v.boolean('Say whether you would recommend it')),
	comments: v.optional(optionalText(4_000)),
	/** Left empty (or out), the feedback stays anonymous. */
	name: v.optional(v.pipe(v.string('Enter your name as text'), v.trim(), v.maxLength(120, 'Keep your name under 120 characters'))),
	website: honeypotField
});
export type PublicFeedbackRequest = v.InferOutput<typeof publicFeedbackRequestSchema>;

export interface FeedbackReceipt {
	message: string;
}

/** Whether a link is still open, asked when its page opens so nobody writes feedback into a closed link. */
export interface FeedbackLinkStatus {
	open: true;
	expiresAt: string;
}

/** Feedback on one case as the coordinator sees it: `name` only where the person chose to give it. */
export interface FeedbackComment {
	id: string;
	receivedAt: string;
	satisfaction: number;
	wouldRecommend?: boolean;
	comments: string;
	name: string | null;
}
