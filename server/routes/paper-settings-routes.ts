import type { FastifyInstance } from 'fastify';
import { paperSettingsSchema, type PaperSettings } from '../../src/lib/domain/paper-settings.js';
import { ADMINISTRATOR, OFFICE } from '../auth/access-policy.js';
import { defineRoute } from '../http/define-route.js';
import type { Services } from '../services/services.js';

/** `settings:paper`: coordinators read it; an administrator changes it, and each change is audited. */
export function paperSettingsRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/settings/paper',
		handler: (): Promise<PaperSettings> => services.paperSettings.read()
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/settings/paper',
		body: paperSettingsSchema,
		handler: ({ actor, body, now }) => services.paperSettings.write(body, actor.user.id, now)
	});
}
