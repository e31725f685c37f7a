import type { UserDoc } from '../services/account-store.js';
import { userDocId } from '../services/account-store.js';
import { deviceDocId, type DeviceDoc } from '../services/device-store.js';
import { sessionDocId, type SessionDoc } from '../services/refresh-sessions.js';
import { fetchDocs } from '../services/sync-documents.js';
import type { Couch } from '../store/couch.js';

export interface SignedIn {
	/** When the session started; undefined once it was signed out. */
	startedAt?: string;
	user?: UserDoc;
	device?: DeviceDoc;
}

/**
 * A request's session, user and device, read fresh from the store in one request (all three live
 * in the accounts database): every request pays it, so it is one round trip, not three.
 */
export async function readSignedIn(couch: Couch, sid: string, userId: string, deviceId?: string): Promise<SignedIn> {
	const ids = [sessionDocId(sid), userDocId(userId), ...(deviceId ? [deviceDocId(deviceId)] : [])];
	const docs = await fetchDocs<unknown>(couch.dbs.accounts, ids);
	const session = docs.get(ids[0]!) as SessionDoc | undefined;
	const device = deviceId ? (docs.get(deviceDocId(deviceId)) as DeviceDoc | undefined) : undefined;
	return { startedAt: session?.createdAt, user: docs.get(ids[1]!) as UserDoc | undefined, ...(device ? { device } : {}) };
}
