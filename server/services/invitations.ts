import { createHash, randomBytes } from 'node:crypto';
import type { Couch } from '../store/couch.js';
import { getDoc, insertNew, updateDoc } from '../store/documents.js';

/** Long enough for a new starter's first week; short enough that a lost message soon stops working. */
export const INVITATION_DAYS = 7;

/**
 * `invitation:<sha256 of token>` in the accounts database: only a hash is kept, so a copy of the
 * database opens no invitation. The account exists from the start with a random password nobody
 * is told; following the link once sets the person's own.
 */
interface InvitationDoc {
	_id: string;
	_rev?: string;
	type: 'invitation';
	v: 1;
	userId: string;
	createdBy: string;
	createdAt: string;
	expiresAt: string;
	usedAt?: string;
}

const docId = (token: string) => `invitation:${createHash('sha256').update(token).digest('base64url')}`;

export function invitations(couch: Couch) {
	const db = couch.dbs.accounts;
	return {
		async create(userId: string, by: string, now: Date): Promise<{ token: string; expiresAt: string }> {
			const token = randomBytes(32).toString('base64url');
			const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
			const doc: InvitationDoc = { _id: docId(token), type: 'invitation', v: 1, userId, createdBy: by, createdAt: now.toISOString(), expiresAt };
			if (!(await insertNew(db, doc))) throw new Error('An invitation token repeated');
			return { token, expiresAt };
		},

		/** The account an open invitation is for; undefined when unknown, expired or used. */
		async find(token: string, now: Date): Promise<{ userId: string; expiresAt: string } | undefined> {
			const doc = await getDoc<InvitationDoc>(db, docId(token));
			if (!doc || doc.usedAt || Date.parse(doc.expiresAt) <= now.getTime()) return undefined;
			return { userId: doc.userId, expiresAt: doc.expiresAt };
		},

		/** Closes the invitation; true only for the one request that closed it, so it is used once. */
		async use(token: string, now: Date): Promise<boolean> {
			let closed = false;
			await updateDoc<InvitationDoc>(db, docId(token), (current) => {
				closed = !!current && !current.usedAt && Date.parse(current.expiresAt) > now.getTime();
				return closed && current ? { ...current, usedAt: now.toISOString() } : undefined;
			});
			return closed;
		}
	};
}

export type Invitations = ReturnType<typeof invitations>;
