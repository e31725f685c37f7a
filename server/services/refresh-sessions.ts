import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Couch } from '../store/couch.js';
import { getDoc } from '../store/documents.js';

/** How long a signed-in tablet keeps working offline-then-online without the password again. */
export const REFRESH_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * `session:<sid>` in the accounts database. Only a hash of the secret is stored, so a copy of the
 * database does not sign anyone in. Deleting the document signs the session out everywhere.
 */
export interface SessionDoc {
	_id: string;
	_rev: string;
	type: 'session';
	v: 1;
	userId: string;
	deviceId?: string;
	secretHash: string;
	createdAt: string;
	expiresAt: string;
}

export interface RefreshSession {
	sid: string;
	userId: string;
	deviceId?: string;
	createdAt: string;
}

export const sessionDocId = (sid: string) => `session:${sid}`;

const hash = (secret: string) => createHash('sha256').update(secret).digest();

export function refreshSessions(couch: Couch) {
	const db = couch.dbs.accounts;
	return {
		/** Starts a session and returns its refresh token, `<sid>.<secret>`. */
		async start(userId: string, deviceId: string | undefined, now: Date): Promise<{ sid: string; token: string }> {
			const sid = randomUUID();
			const secret = randomBytes(32).toString('base64url');
			await db.insert({
				_id: `session:${sid}`,
				type: 'session',
				v: 1,
				userId,
				...(deviceId ? { deviceId } : {}),
				secretHash: hash(secret).toString('base64url'),
				createdAt: now.toISOString(),
				expiresAt: new Date(now.getTime() + REFRESH_TTL_SECONDS * 1000).toISOString()
			} as never);
			return { sid, token: `${sid}.${secret}` };
		},

		/** The live session a refresh token names, or undefined if it is unknown, ended or expired. */
		async check(token: string, now: Date): Promise<RefreshSession | undefined> {
			const [sid, secret, extra] = token.split('.');
			if (!sid || !secret || extra !== undefined || !/^[0-9a-f-]{36}$/.test(sid)) return undefined;
			const doc = await getDoc<SessionDoc>(db, `session:${sid}`);
			if (!doc || Date.parse(doc.expiresAt) <= now.getTime()) return undefined;
			const expected = Buffer.from(doc.secretHash, 'base64url');
			const given = hash(secret);
			if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
			return { sid, userId: doc.userId, ...(doc.deviceId ? { deviceId: doc.deviceId } : {}), createdAt: doc.createdAt };
		},

		/** When the session an access token came from started, or undefined if it was signed out. */
				async end(sid: string): Promise<void> {
			const doc = await getDoc<SessionDoc>(db, `session:${sid}`);
			if (doc) await db.destroy(doc._id, doc._rev).catch(() => undefined);
		}
	};
}

export type RefreshSessions = ReturnType<typeof refreshSessions>;
