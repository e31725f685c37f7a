import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountSummary } from '../../src/lib/protocol/accounts.js';
import type { Role, SessionUser } from '../../src/lib/protocol/auth.js';
import type { UserSummary } from '../../src/lib/protocol/users.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, insertNew, updateDoc } from '../store/documents.js';
import { hashPassword } from './password-hash.js';
import { fetchDocs } from './sync-documents.js';

/** A person's account, as stored in the accounts database under `user:<id>`. */
export interface UserDoc {
	_id: string;
	_rev?: string;
	type: 'user';
	v: 1;
	id: string;
	username: string;
	displayName: string;
	roles: Role[];
	passwordHash: string;
	createdAt: string;
	/** While set, the account cannot sign in and none of its sessions work. */
	disabledAt?: string;
	disabledBy?: string;
	/** Sessions started before this (the last re-enabling) stay dead: switching back on revives none. */
	sessionsValidFrom?: string;
}

/** `login:<username>` holds the user id; creating it first is what makes usernames unique. */
interface LoginDoc {
	_id: string;
	type: 'login';
	v: 1;
	userId: string;
}

export interface NewUser {
	username: string;
	displayName: string;
	roles: Role[];
	password: string;
}

export const toSessionUser = (user: UserDoc, deviceId?: string): SessionUser => ({
	id: user.id,
	username: user.username,
	displayName: user.displayName,
	roles: user.roles,
	...(deviceId ? { deviceId } : {})
});

export const toUserSummary = (user: UserDoc): UserSummary => ({
	id: user.id,
	username: user.username,
	displayName: user.displayName,
	roles: user.roles,
	createdAt: user.createdAt
});

export const toAccountSummary = (user: UserDoc, secondFactor: boolean): AccountSummary => ({
	...toUserSummary(user),
	...(user.disabledAt ? { disabledAt: user.disabledAt } : {}),
	secondFactor
});

export const userDocId = (id: string) => `user:${id}`;

const assignId = (userId: string, caseId: string) => `assign:${userId}:${caseId}`;

export function accountStore(couch: Couch) {
	const db = couch.dbs.accounts;

	return {
		async findByUsername(username: string): Promise<UserDoc | undefined> {
			const login = await getDoc<LoginDoc>(db, `login:${username.toLowerCase()}`);
			return login ? getDoc<UserDoc>(db, `user:${login.userId}`) : undefined;
		},

		findById: (id: string) => getDoc<UserDoc>(db, userDocId(id)),

		list: () => docsWithPrefix<UserDoc>(db, 'user:'),

		/** Creates an account; resolves undefined when the username is taken. */
		async create(input: NewUser, now: Date): Promise<UserDoc | undefined> {
			const id = randomUUID();
			const login: LoginDoc = { _id: `login:${input.username.toLowerCase()}`, type: 'login', v: 1, userId: id };
			if (!(await insertNew(db, login))) return undefined;
			const user: UserDoc = {
				_id: `user:${id}`,
				type: 'user',
				v: 1,
				id,
				username: input.username,
				displayName: input.displayName,
				roles: input.roles,
				passwordHash: await hashPassword(input.password),
				createdAt: now.toISOString()
			};
			await db.insert(user as never);
			return user;
		},

		/** Changes a person's roles; resolves the roles before and the saved account, or undefined if none. */
		async setRoles(id: string, roles: Role[]): Promise<{ before: Role[]; user: UserDoc } | undefined> {
			let before: Role[] = [];
			const user = await updateDoc<UserDoc>(db, `user:${id}`, (current) => {
				before = current?.roles ?? [];
				return current ? { ...current, roles } : undefined;
			});
			return user ? { before, user } : undefined;
		},

		/** Switches an account off (`by` set) or back on (`by` undefined); undefined if there is no such account. */
		setDisabled: (id: string, by: string | undefined, now: Date) =>
			updateDoc<UserDoc>(db, `user:${id}`, (current) => {
				if (!current) return undefined;
				const { disabledAt: _at, disabledBy: _by, ...rest } = current;
				if (by) return current.disabledAt ? undefined : { ...rest, disabledAt: now.toISOString(), disabledBy: by };
				return current.disabledAt ? { ...rest, sessionsValidFrom: now.toISOString() } : undefined;
			}),

		/** Sets a new password (an invitation followed); sessions begun before it stop working. */
		async setPassword(id: string, password: string, now: Date): Promise<UserDoc | undefined> {
			const passwordHash = await hashPassword(password);
			return updateDoc<UserDoc>(db, `user:${id}`, (current) => (current ? { ...current, passwordHash, sessionsValidFrom: now.toISOString() } : undefined));
		},

		async assign(userId: string, caseId: string, now: Date): Promise<void> {
			await insertNew(db, { _id: assignId(userId, caseId), type: 'assignment', v: 1, userId, caseId, since: now.toISOString() } as never);
		},

		/**
		 * The ended assignment is kept as `assigned-period:<caseId>:<userId>:<since>` (written first, so
		 * history never misses a period), for the access review to ask who had the case at a given time.
		 */
		async unassign(userId: string, caseId: string, now: Date = new Date()): Promise<void> {
			const doc = await getDoc<{ _rev: string; since?: string }>(db, assignId(userId, caseId));
			if (!doc) return;
			const from = doc.since ?? '';
			await insertNew(db, { _id: `assigned-period:${caseId}:${userId}:${from}`, type: 'assignment-period', v: 1, userId, caseId, from, to: now.toISOString() } as never);
			await db.destroy(assignId(userId, caseId), doc._rev);
		},

		/** The one fact per-case authorisation rests on for facilitators: read fresh on every request. */
		isAssigned: async (userId: string, caseId: string) => (await getDoc(db, assignId(userId, caseId))) !== undefined,

		/** Which of the given cases the user is assigned to: one request, however many cases. */
		async assignedAmong(userId: string, caseIds: readonly string[]): Promise<Set<string>> {
			const found = await fetchDocs(db, caseIds.map((caseId) => assignId(userId, caseId)));
			return new Set(caseIds.filter((caseId) => found.has(assignId(userId, caseId))));
		},

		/** The ids of the cases a user is assigned to: one key range, however large the service. */
		async assignedCaseIds(userId: string): Promise<string[]> {
			const prefix = `assign:${userId}:`;
			const result = await db.list({ startkey: prefix, endkey: `${prefix}\ufff0` });
			return result.rows.map((row) => row.id.slice(prefix.length));
		},

		/** The shared signing secret: made by the first process to start, read by every other. */
		async sessionSecret(): Promise<Buffer> {
			await insertNew(db, { _id: 'secret:session', type: 'secret', v: 1, key: randomBytes(32).toString('base64') } as never);
			const stored = await getDoc<{ key: string }>(db, 'secret:session');
			if (!stored) throw new Error('The session secret could not be read back');
			return Buffer.from(stored.key, 'base64');
		}
	};
}

export type AccountStore = ReturnType<typeof accountStore>;
