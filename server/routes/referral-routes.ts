import type { FastifyInstance, FastifyRequest } from 'fastify';
import { professionalReferralRequestSchema, selfReferralRequestSchema, type ReferralReceipt } from '../../src/lib/protocol/referrals.js';
import { ApiError } from '../http/api-error.js';
import { definePublicRoute } from '../http/define-route.js';
import { newReferralReference, type NewReferral } from '../services/referral-store.js';
import type { Services } from '../services/services.js';

/** Public forms take a few kilobytes; this refuses anything larger before it is parsed. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

export const tooManyForms = () =>
	new ApiError(429, 'too-many-attempts', 'Several forms have been sent from this connection in the last hour. Wait an hour, then try again, or phone the service.');

/** Counts the submission for its address; refuses it when the address has sent too many. */
export async function admitPublicForm(services: Services, request: FastifyRequest, now: Date): Promise<void> {
	if (!(await services.publicLimit.take(request.ip, now))) throw tooManyForms();
}

const receipt = (reference: string, whoIsContacted: string): ReferralReceipt => ({
	reference,
	nextSteps: [
		`Thank you. The service has your referral. Your reference is ${reference}; quote it if you contact the service.`,
		`A coordinator will read it and get in touch with ${whoIsContacted}, using the details given. Taking part is always voluntary.`,
		'If anyone is in danger now, call 999.'
	]
});

export function referralRoutes(app: FastifyInstance, services: Services): void {
	/**
	 * A form with the hidden field filled in came from a program: it gets an answer that looks the
	 * same as a person's, so it learns nothing, and nothing is stored.
	 */
	async function accept(referral: NewReferral, website: string | undefined, who: string, request: FastifyRequest, now: Date) {
		await admitPublicForm(services, request, now);
		const reference = website ? newReferralReference() : await services.referrals.create(referral, now);
		return receipt(reference, who);
	}

	definePublicRoute(app, services, {
		method: 'POST',
		url: '/api/public/self-referrals',
		body: selfReferralRequestSchema,
		bodyLimit: PUBLIC_BODY_LIMIT,
		async handler({ body, request, reply, now }) {
			const { website, agreeToContact: _agreed, ...details } = body;
			return reply.status(202).send(await accept({ kind: 'self', details }, website, 'you', request, now));
		}
	});

	definePublicRoute(app, services, {
		method: 'POST',
		url: '/api/public/professional-referrals',
		body: professionalReferralRequestSchema,
		bodyLimit: PUBLIC_BODY_LIMIT,
		async handler({ body, request, reply, now }) {
			const { website, personAgreed: _agreed, ...details } = body;
			return reply.status(202).send(await accept({ kind: 'professional', details }, website, 'you first, then the person you referred', request, now));
		}
	});
}
