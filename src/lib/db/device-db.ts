import Dexie, { type EntityTable } from 'dexie';
import type { SessionUser } from '../protocol/auth.js';

/** Who last signed in on this device, so the app can open offline. Holds no case data. */
export interface DeviceSession {
	key: 'current';
	user: SessionUser;
	signedInAt: string;
}

export type DeviceDb = Dexie & { sessions: EntityTable<DeviceSession, 'key'> };

let instance: DeviceDb | undefined;

export function deviceDb(): DeviceDb {
	if (!instance) {
		instance = new Dexie('tandem-device') as DeviceDb;
		instance.version(1).stores({ sessions: 'key' });
	}
	return instance;
}
