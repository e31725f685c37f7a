import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { deviceIdSchema } from '../../src/lib/protocol/auth.js';
import { renameDeviceRequestSchema, type DeviceListResponse, type DeviceSummary } from '../../src/lib/protocol/devices.js';
import { ADMINISTRATOR } from '../auth/access-policy.js';
import { notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import type { DeviceDoc } from '../services/device-store.js';
import type { Services } from '../services/services.js';

const deviceParams = v.strictObject({ deviceId: deviceIdSchema });

export function deviceRoutes(app: FastifyInstance, services: Services): void {
	async function summarise(devices: DeviceDoc[]): Promise<DeviceSummary[]> {
		const users = new Map((await services.accounts.list()).map((user) => [user.id, user.username]));
		return devices.map((device) => ({
			id: device.id,
			label: device.label,
			users: device.userIds.map((id) => ({ id, username: users.get(id) ?? '(removed)' })),
			registeredAt: device.registeredAt,
			lastSeenAt: device.lastSeenAt,
			...(device.revokedAt ? { revokedAt: device.revokedAt, revokedBy: device.revokedBy } : {})
		}));
	}

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'GET',
		url: '/api/devices',
		async handler() {
			const answer: DeviceListResponse = { devices: await summarise(await services.devices.list()) };
			return answer;
		}
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PATCH',
		url: '/api/devices/:deviceId',
		params: deviceParams,
		body: renameDeviceRequestSchema,
		async handler({ params, body }) {
			const saved = await services.devices.rename(params.deviceId, body.label);
			if (!saved) throw notFound();
			const [answer] = await summarise([saved]);
			return answer;
		}
	});

	/** A lost tablet: its next request, whoever is signed in on it, gets the wipe answer. */
	defineRoute(app, services, ADMINISTRATOR, {
		method: 'POST',
		url: '/api/devices/:deviceId/revoke',
		params: deviceParams,
		async handler({ actor, params, now }) {
			const saved = await services.devices.revoke(params.deviceId, actor.user.id, now);
			if (!saved) throw notFound();
			const [answer] = await summarise([saved]);
			return answer;
		}
	});
}
