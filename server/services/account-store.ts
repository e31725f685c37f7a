import { randomBytes, randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../src/lib/protocol/auth.js';
import { statusOf, type Couch } from '../store/couch.js';
import { hashPassword } from './password-hash.js';

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

export const toSessionUser = (user: UserDoc): SessionUser => ({
	id: user.id,
	username: user.username,
	displayName: user.displayName,
	roles: user.roles
});

export function accountStore(couch: Couch) {
	const db = couch.dbs.accounts;

	async function getOrUndefined<T>(id: string): Promise<T | undefined> {
		try {
			return (await db.get(id)) as unknown as T;
		} catch (error) {
			if (statusOf(error) === 404) return undefined;
			throw error;
		}
	}

	return {
		async findByUsername(username: string): Promise<UserDoc | undefined> {
			const login = await getOrUndefined<LoginDoc>(`login:${username.toLowerCase()}`);
			return login ? getOrUndefined<UserDoc>(`user:${login.userId}`) : undefined;
		},

		findById: (id: string) => getOrUndefined<UserDoc>(`user:${id}`),

		/** Creates an account; resolves undefined when the username is taken. */
		async create(input: NewUser, now: Date): Promise<UserDoc | undefined> {
			const id = randomUUID();
			const login: LoginDoc = { _id: `login:${input.username.toLowerCase()}`, type: 'login', v: 1, userId: id };
			try {
				await db.insert(login as never);
			} catch (error) {
				if (statusOf(error) === 409) return undefined;
				throw error;
			}
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

		async assign(userId: string, caseId: string, now: Date): Promise<void> {
			const doc = { _id: `assign:${userId}:${caseId}`, type: 'assignment', v: 1, userId, caseId, since: now.toISOString() };
			try {
				await db.insert(doc as never);
			} catch (error) {
				if (statusOf(error) !== 409) throw error;
			}
		},

		/** The ids of the cases a user is assigned to: one key range, however large the service. */
		async assignedCaseIds(userId: string): Promise<string[]> {
			const prefix = `assign:${userId}:`;
			const result = await db.list({ startkey: prefix, endkey: `${prefix}\ufff0` });
			return result.rows.map((row) => row.id.slice(prefix.length));
		},

		/** The shared signing secret: made by the first process to start, read by every other. */
		async sessionSecret(): Promise<Buffer> {
			const existing = await getOrUndefined<{ key: string }>('secret:session');
			if (existing) return Buffer.from(existing.key, 'base64');
			try {
				await db.insert({ _id: 'secret:session', type: 'secret', v: 1, key: randomBytes(32).toString('base64') } as never);
			} catch (error) {
				if (statusOf(error) !== 409) throw error;
			}
			const created = await getOrUndefined<{ key: string }>('secret:session');
			if (!created) throw new Error('The session secret could not be read back');
			return Buffer.from(created.key, 'base64');
		}
	};
}

export type AccountStore = ReturnType<typeof accountStore>;
