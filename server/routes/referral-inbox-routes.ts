import type { FastifyInstance } from 'fastify';
import {
	acceptReferralRequestSchema,
	declineReferralRequestSchema,
	referralListQuerySchema,
	referralParamsSchema,
	type AcceptReferralResponse,
	type ReferralListResponse,
	type ReferralView
} from '../../src/lib/protocol/office.js';
import { COORDINATOR } from '../auth/access-policy.js';
import { conflict, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { auditEntry } from '../services/audit-log.js';
import { caseFromReferral, referralInbox, referralNote } from '../services/referral-intake.js';
import type { ReferralDoc } from '../services/referral-store.js';
import type { Services } from '../services/services.js';

const decidedAlready = (doc: ReferralDoc) =>
	conflict(`This referral was ${doc.status} already${doc.decision?.caseReference ? `, as case ${doc.decision.caseReference}` : ''}. Reload the inbox to see it.`);

export function referralInboxRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, COORDINATOR, {
		method: 'GET',
		url: '/api/referrals',
		query: referralListQuerySchema,
		async handler({ query }) {
			const docs = await services.referrals.list(query.status ?? 'new');
			const answer: ReferralListResponse = { referrals: await referralInbox(services.referrals, docs) };
			return answer;
		}
	});

	defineRoute(app, services, COORDINATOR, {
		method: 'GET',
		url: '/api/referrals/:referralId',
		params: referralParamsSchema,
		async handler({ params }) {
			const doc = await services.referrals.get(params.referralId);
			if (!doc) throw notFound();
			const [answer] = await referralInbox(services.referrals, [doc]);
			return answer as ReferralView;
		}
	});

	/**
	 * Claims the referral first (a write conditional on it being new), so two coordinators pressing
	 * "accept" at once make one case, not two.
	 */
	defineRoute(app, services, COORDINATOR, {
		method: 'POST',
		url: '/api/referrals/:referralId/accept',
		params: referralParamsSchema,
		body: acceptReferralRequestSchema,
		async handler({ actor, params, body, reply, now }) {
			const doc = await services.referrals.get(params.referralId);
			if (!doc) throw notFound();
			if (doc.status !== 'new') throw decidedAlready(doc);
			const reference = await services.caseReferences.next(now);
			const record = caseFromReferral(doc, body, reference, actor.user.id, now);
			const claimed = await services.referrals.decide(doc.id, 'accepted', { by: actor.user.id, at: now.toISOString(), caseId: record.id, caseReference: reference });
			if (!claimed) throw decidedAlready((await services.referrals.get(doc.id)) ?? doc);
			if (!(await services.cases.create(record))) throw new Error(`Case ${record.id} exists already, though its reference was just counted`);
			const note = referralNote(doc, record.id, actor.user.id, now);
			await services.cases.addNote(note);
			await services.audit.append([
				auditEntry(actor, record.id, 'create', now, { recordId: record.id }),
				auditEntry(actor, record.id, 'create', now, { recordId: note.id })
			]);
			const answer: AcceptReferralResponse = { caseId: record.id, caseReference: reference };
			return reply.status(201).header('location', `/api/cases/${record.id}`).send(answer);
		}
	});

	defineRoute(app, services, COORDINATOR, {
		method: 'POST',
		url: '/api/referrals/:referralId/decline',
		params: referralParamsSchema,
		body: declineReferralRequestSchema,
		async handler({ actor, params, body, now }) {
			const doc = await services.referrals.get(params.referralId);
			if (!doc) throw notFound();
			const note = body.note?.trim();
			const decided = await services.referrals.decide(doc.id, 'declined', { by: actor.user.id, at: now.toISOString(), reason: body.reason, ...(note ? { note } : {}) });
			if (!decided) throw decidedAlready((await services.referrals.get(doc.id)) ?? doc);
			const [answer] = await referralInbox(services.referrals, [decided]);
			return answer as ReferralView;
		}
	});
}
