import type { FastifyInstance } from 'fastify';
import { policySettingsSchema, type PolicySettings } from '../../src/lib/domain/policy-settings.js';
import type { TabletSettings } from '../../src/lib/protocol/tablet-settings.js';
import { ADMINISTRATOR, OFFICE, SIGNED_IN } from '../auth/access-policy.js';
import { defineRoute } from '../http/define-route.js';
import { serviceAuditEntry } from '../services/service-audit.js';
import type { Services } from '../services/services.js';

/** `settings:policy`: administrators change it; coordinators may read it; tablets read their part. */
export function policyRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, SIGNED_IN, {
		method: 'GET',
		url: '/api/settings/tablet',
		handler: async (): Promise<TabletSettings> => ({ idleLockMinutes: (await services.policy.get()).idleLockMinutes })
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/settings/policy',
		handler: (): Promise<PolicySettings> => services.policy.get()
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/settings/policy',
		body: policySettingsSchema,
		async handler({ actor, body, now }) {
			const changed = await services.policy.set(body, actor.user.id, now);
			if (changed.length > 0) await services.serviceAudit.append(serviceAuditEntry(actor, 'settings', 'policy', 'change', now, changed));
			return services.policy.get();
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/settings/policy/audit',
		handler: async () => ({ entries: await services.serviceAudit.forRecord('settings', 'policy') })
	});
}
