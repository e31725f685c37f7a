import type { FastifyInstance } from 'fastify';
import {
	accessReportsRequestSchema,
	accessReviewQuerySchema,
	type AccessReportsResponse,
	type AccessReviewResponse,
	type DeviceExposureResponse,
	type StaffListResponse
} from '../../src/lib/protocol/access-review.js';
import { OFFICE, SIGNED_IN } from '../auth/access-policy.js';
import { badRequest } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import type { Services } from '../services/services.js';

/** Access review and breach support: what the audit log and the device registry say, for the office. */
export function accessReviewRoutes(app: FastifyInstance, services: Services): void {
	/**
	 * Case screens a tablet opened, reported after each push, and the sign that the tablet synced.
	 * Only as the device the session was signed in with; answered alike for every case id, so it
	 * tells a facilitator nothing of cases they do not have.
	 */
	defineRoute(app, services, SIGNED_IN, {
		method: 'POST',
		url: '/api/sync/access-reports',
		body: accessReportsRequestSchema,
		async handler({ actor, body, now }) {
			if (!actor.deviceId) throw badRequest([{ path: '(device)', message: 'Only a registered device reports what was opened on it; sign in with its device id' }]);
			if (body.deviceId !== actor.deviceId) throw badRequest([{ path: 'deviceId', message: 'This is not the device you signed in on' }]);
			const answer: AccessReportsResponse = { acknowledged: await services.accessReports.receive({ ...actor, deviceId: actor.deviceId }, body.entries, now) };
			return answer;
		}
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/data-protection/access',
		query: accessReviewQuerySchema,
		async handler({ query }) {
			const answer = await services.accessReview.review(query);
			if (answer === 'unknown-case') throw badRequest([{ path: 'caseReference', message: 'No case has this reference' }]);
			return answer satisfies AccessReviewResponse;
		}
	});

	/** Everyone with an account, by name: whom an access review may be asked about. */
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/data-protection/staff',
		async handler() {
			const people = await services.accounts.list();
			const answer: StaffListResponse = {
				staff: people.map((p) => ({ id: p.id, name: p.displayName, username: p.username })).sort((a, b) => a.name.localeCompare(b.name))
			};
			return answer;
		}
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/data-protection/devices',
		async handler({ now }) {
			const answer: DeviceExposureResponse = { devices: await services.deviceExposure.list(), serverTime: now.toISOString() };
			return answer;
		}
	});
}
