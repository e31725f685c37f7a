import type { FastifyInstance } from 'fastify';
import { parseFeedback } from '../../src/lib/domain/feedback.js';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import {
	feedbackTokenParamsSchema,
	newFeedbackLinkRequestSchema,
	publicFeedbackRequestSchema,
	type FeedbackComment,
	type FeedbackLinkResponse,
	type FeedbackLinkStatus,
	type FeedbackReceipt
} from '../../src/lib/protocol/feedback-links.js';
import { caseParamsSchema } from '../../src/lib/protocol/cases.js';
import { caseAccess } from '../auth/access-policy.js';
import { ApiError, badRequest } from '../http/api-error.js';
import { definePublicRoute, defineRoute } from '../http/define-route.js';
import { auditEntry } from '../services/audit-log.js';
import type { Services } from '../services/services.js';
import { PUBLIC_BODY_LIMIT, admitPublicForm } from './referral-routes.js';

/** Who stored public feedback, in the record and the audit log: the link, not a person. */
export const FEEDBACK_AUTHOR = 'feedback-link';

// One answer for a link that never existed, has expired, or was used: it tells nothing more.
const linkClosed = () =>
	new ApiError(404, 'not-found', 'This feedback link has closed: it was used already or it has expired. Ask the service for a new one if you still want to give feedback.');
const thanks: FeedbackReceipt = { message: 'Thank you. Your feedback has reached the service. This link now closes.' };

export function feedbackRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, caseAccess('oversee'), {
		method: 'POST',
		url: '/api/cases/:caseId/feedback-links',
		params: caseParamsSchema,
		body: newFeedbackLinkRequestSchema,
		async handler({ actor, params, body, reply, now }) {
			const link = await services.feedbackLinks.create(params.caseId, body.role, actor.user.id, now);
			await services.audit.append([auditEntry(actor, params.caseId, 'create', now, { recordId: link.id })]);
			const answer: FeedbackLinkResponse = { id: link.id, token: link.token, path: `/feedback/${link.token}`, expiresAt: link.expiresAt };
			return reply.status(201).send(answer);
		}
	});

	defineRoute(app, services, caseAccess('oversee'), {
		method: 'GET',
		url: '/api/cases/:caseId/feedback',
		params: caseParamsSchema,
		async handler({ params }): Promise<FeedbackComment[]> {
			return services.feedbackLinks.ofCase(params.caseId);
		}
	});

	/** Tokens are 32 random bytes, so answering whether one is open tells a guesser nothing useful. */
	definePublicRoute(app, services, {
		method: 'GET',
		url: '/api/public/feedback/:token',
		params: feedbackTokenParamsSchema,
		async handler({ params, now }) {
			const link = await services.feedbackLinks.find(params.token, now);
			if (!link) throw linkClosed();
			const answer: FeedbackLinkStatus = { open: true, expiresAt: link.expiresAt };
			return answer;
		}
	});

	definePublicRoute(app, services, {
		method: 'POST',
		url: '/api/public/feedback/:token',
		params: feedbackTokenParamsSchema,
		body: publicFeedbackRequestSchema,
		bodyLimit: PUBLIC_BODY_LIMIT,
		async handler({ params, body, request, reply, now }) {
			await admitPublicForm(services, request, now);
			const { website, comments, name, ...answers } = body;
			if (website) return reply.status(201).send(thanks);
			const link = await services.feedbackLinks.find(params.token, now);
			if (!link) throw linkClosed();
			const at = now.toISOString();
			// The case's source travels with the feedback so the report views can filter it by source.
			const referralSource = (await services.cases.get(link.caseId))?.referralSource;
			const parsed = parseFeedback({
				type: 'feedback', v: 1, id: link.id, caseId: link.caseId, createdAt: at, updatedAt: at, createdBy: FEEDBACK_AUTHOR,
				anonymous: !name, ...(name ? { givenName: name } : {}), ...(link.role ? { role: link.role } : {}), ...(referralSource ? { referralSource } : {}),
				...answers, comments: comments ?? '', receivedAt: at
			});
			if (!parsed.ok) throw badRequest(parsed.problems);
			if (!(await services.feedbackLinks.storeOnce(caseChildDocId(link.caseId, 'feedback', link.id), parsed.value))) throw linkClosed();
			await services.feedbackLinks.markUsed(params.token, now);
			await services.audit.append([auditEntry({ user: { id: FEEDBACK_AUTHOR } }, link.caseId, 'create', now, { recordId: link.id })]);
			return reply.status(201).send(thanks);
		}
	});
}
