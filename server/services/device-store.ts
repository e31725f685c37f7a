import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, updateDoc } from '../store/documents.js';

/** `device:<deviceId>` in the accounts database. A revoked device stays revoked; a wiped tablet registers anew. */
export interface DeviceDoc {
	_id: string;
	_rev?: string;
	type: 'device';
	v: 1;
	id: string;
	label: string;
	userIds: string[];
	registeredAt: string;
	lastSeenAt: string;
	revokedAt?: string;
	revokedBy?: string;
}

export type Registration = { ok: true; device: DeviceDoc } | { ok: false; reason: 'revoked' };

export const deviceDocId = (deviceId: string) => `device:${deviceId}`;
const docId = deviceDocId;

export function deviceStore(couch: Couch) {
	const db = couch.dbs.accounts;
	return {
		get: (deviceId: string) => getDoc<DeviceDoc>(db, docId(deviceId)),

		list: () => docsWithPrefix<DeviceDoc>(db, 'device:'),

		/** Registers a tablet at sign-in, or adds this person to a shared one. A revoked one is refused. */
		async register(deviceId: string, label: string, userId: string, now: Date): Promise<Registration> {
			const at = now.toISOString();
			const saved = await updateDoc<DeviceDoc>(db, docId(deviceId), (current) => {
				if (current?.revokedAt) return undefined;
				if (!current) return { _id: docId(deviceId), type: 'device', v: 1, id: deviceId, label, userIds: [userId], registeredAt: at, lastSeenAt: at };
				return { ...current, userIds: current.userIds.includes(userId) ? current.userIds : [...current.userIds, userId], lastSeenAt: at };
			});
			return saved && !saved.revokedAt ? { ok: true, device: saved } : { ok: false, reason: 'revoked' };
		},

		rename: (deviceId: string, label: string) =>
			updateDoc<DeviceDoc>(db, docId(deviceId), (current) => (current ? { ...current, label } : undefined)),

		revoke: (deviceId: string, by: string, now: Date) =>
			updateDoc<DeviceDoc>(db, docId(deviceId), (current) =>
				current && !current.revokedAt ? { ...current, revokedAt: now.toISOString(), revokedBy: by } : undefined
			)
	};
}

export type DeviceStore = ReturnType<typeof deviceStore>;
