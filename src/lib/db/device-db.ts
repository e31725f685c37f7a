import Dexie, { type EntityTable } from 'dexie';
import type { WrappedKey } from '../crypto/key-wrap.js';
import type { SessionUser } from '../protocol/auth.js';

/** Who is using the device now, so the app can open offline. Holds no case data. */
export interface DeviceSession {
	key: 'current';
	user: SessionUser;
	signedInAt: string;
}

/**
 * One facilitator's vault on this device: the wrapped data key (the only key material stored)
 * and the count of wrong passphrases, kept on disk so a reload does not reset it.
 */
export interface VaultRow {
	userId: string;
	user: SessionUser;
	key: WrappedKey;
	failedAttempts: number;
	/** Epoch ms before which no unlock is tried. */
	retryAt: number;
	createdAt: string;
}

export type DeviceDb = Dexie & {
	sessions: EntityTable<DeviceSession, 'key'>;
	vaults: EntityTable<VaultRow, 'userId'>;
};

let instance: DeviceDb | undefined;

export function deviceDb(): DeviceDb {
	if (!instance) {
		instance = new Dexie('tandem-device') as DeviceDb;
		instance.version(1).stores({ sessions: 'key' });
		instance.version(2).stores({ sessions: 'key', vaults: 'userId' });
	}
	return instance;
}
