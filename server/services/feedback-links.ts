import { createHash, randomBytes } from 'node:crypto';
import type { FeedbackRecord } from '../../src/lib/domain/feedback.js';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import type { ParticipantRole } from '../../src/lib/domain/participant.js';
import type { FeedbackComment } from '../../src/lib/protocol/feedback-links.js';
import type { Couch } from '../store/couch.js';
import { getDoc, insertNew, updateDoc } from '../store/documents.js';

/** Long enough to send by post and answer in a week or two; short enough not to linger. */
export const FEEDBACK_LINK_DAYS = 28;

/**
 * `feedback-link:<sha256 of token>` in the accounts database: like a refresh session, only a hash
 * is kept, so a copy of the database opens no link. Single use rests on the feedback's document id
 * (`case:<caseId>:feedback:<link id>`), which CouchDB lets exist once.
 */
interface FeedbackLinkDoc {
	_id: string;
	_rev?: string;
	type: 'feedback-link';
	v: 1;
	id: string;
	caseId: string;
	role?: ParticipantRole;
	createdBy: string;
	createdAt: string;
	expiresAt: string;
	usedAt?: string;
}

export type FeedbackLink = Pick<FeedbackLinkDoc, 'id' | 'caseId' | 'role' | 'expiresAt'>;

const docId = (token: string) => `feedback-link:${createHash('sha256').update(token).digest('base64url')}`;

export function feedbackLinks(couch: Couch) {
	const db = couch.dbs.accounts;
	return {
		async create(caseId: string, role: ParticipantRole | undefined, by: string, now: Date): Promise<FeedbackLink & { token: string }> {
			const token = randomBytes(32).toString('base64url');
			const id = `fb-${randomBytes(8).toString('hex')}`;
			const expiresAt = new Date(now.getTime() + FEEDBACK_LINK_DAYS * 24 * 60 * 60 * 1000).toISOString();
			const doc: FeedbackLinkDoc = { _id: docId(token), type: 'feedback-link', v: 1, id, caseId, ...(role ? { role } : {}), createdBy: by, createdAt: now.toISOString(), expiresAt };
			if (!(await insertNew(db, doc))) throw new Error('A feedback link token repeated');
			return { id, caseId, ...(role ? { role } : {}), expiresAt, token };
		},

		/** The link a token opens, unless it is unknown, expired or used. */
		async find(token: string, now: Date): Promise<FeedbackLink | undefined> {
			const doc = await getDoc<FeedbackLinkDoc>(db, docId(token));
			if (!doc || doc.usedAt || Date.parse(doc.expiresAt) <= now.getTime()) return undefined;
			return { id: doc.id, caseId: doc.caseId, ...(doc.role ? { role: doc.role } : {}), expiresAt: doc.expiresAt };
		},

		/** Marks it used after its feedback is stored, so it reads as closed without a records lookup. */
		markUsed: (token: string, now: Date) =>
			updateDoc<FeedbackLinkDoc>(db, docId(token), (current) => (current && !current.usedAt ? { ...current, usedAt: now.toISOString() } : undefined)),

		/** Stores the feedback once per link: a second insert of the same id is refused by the store. */
		storeOnce: (caseDocId: string, record: Record<string, unknown>) => insertNew(couch.dbs.records, { _id: caseDocId, ...record }),

		/** A case's feedback, newest first: one key range over the case's own documents. */
		async ofCase(caseId: string): Promise<FeedbackComment[]> {
			const prefix = caseChildDocId(caseId, 'feedback', '');
			const result = await couch.dbs.records.list({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
			const records = result.rows.flatMap((row) => (row.doc && (row.doc as { type?: string }).type === 'feedback' ? [row.doc as unknown as FeedbackRecord] : []));
			return records
				.map((f) => ({
					id: f.id, receivedAt: f.receivedAt, satisfaction: f.satisfaction, comments: f.comments,
					...(f.wouldRecommend === undefined ? {} : { wouldRecommend: f.wouldRecommend }),
					// Only a name the person typed themselves, and only on feedback they did not mark anonymous.
					name: !f.anonymous && f.givenName ? f.givenName : null
				}))
				.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
		}
	};
}

export type FeedbackLinks = ReturnType<typeof feedbackLinks>;
