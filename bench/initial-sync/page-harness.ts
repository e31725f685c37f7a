// Runs in Chromium, served from the Tandem server's origin: the real sync engine over the real
// encrypted device store and the real HTTP transport, and the floor (plain Dexie bulkPut).
import Dexie from 'dexie';
import { isUnlocked } from '../../src/lib/crypto/keyring.js';
import { recordRepository } from '../../src/lib/db/record-repository.js';
import { LATEST_STORES } from '../../src/lib/db/user-db-schema.js';
import { userDb } from '../../src/lib/db/user-db.js';
import type { SessionUser } from '../../src/lib/protocol/auth.js';
import { createVault } from '../../src/lib/session/vault.js';
import { createSyncEngine, type SyncProgress } from '../../src/lib/sync/sync-engine.js';
import { deviceSyncLock } from '../../src/lib/sync/sync-lock.js';
import { syncStore } from '../../src/lib/sync/sync-store.js';
import { pagesHere } from '../../src/lib/sync/pull-stream.js';
import { httpTransport, withPreparedPull, type SyncTransport } from '../../src/lib/sync/sync-transport.js';
import { workerPageReader } from '../../src/lib/sync/worker-pages.js';

const PASSPHRASE = 'copper kettle orbit 42 lantern';
let session: { user: SessionUser; deviceId: string } | undefined;

type Phases = { push: number; pull: number };

/**
 * The app's transport: HTTP, with a streamed pull's pages prepared in the page worker (made from
 * its bundled code, as the bench page has no built app), or on the page's thread (`inThread`).
 */
const transports = new Map<string, SyncTransport>();
/** One for the page's session, as the app keeps one (and its worker) while the vault is open. */
function appTransport(userId: string, inThread: boolean): SyncTransport {
	if (inThread) return httpTransport;
	const made = transports.get(userId);
	if (made) return made;
	const store = syncStore(userDb(userId));
	const code = new Blob([window.pageWorkerCode ?? ''], { type: 'text/javascript' });
	const transport = withPreparedPull(
		httpTransport,
		workerPageReader({ userId, makeWorker: () => new Worker(URL.createObjectURL(code)), inThread: pagesHere((page, context) => store.preparePage(page, context.heldCases)) })
	);
	transports.set(userId, transport);
	return transport;
}

/** The transport, with the time spent in push and pull calls noted (pull includes storing the streamed pages). */
function timedTransport(phases: Phases, transport: SyncTransport): SyncTransport {
	const timed = <A extends unknown[], R>(kind: keyof Phases, call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
		const start = performance.now();
		try {
			return await call(...args);
		} finally {
			phases[kind] += performance.now() - start;
		}
	};
	return {
		push: timed('push', transport.push),
		pull: timed('pull', transport.pull),
		pullStream: timed('pull', transport.pullStream!),
		...(transport.pullPrepared ? { pullPrepared: timed('pull', transport.pullPrepared) } : {})
	};
}

function engineFor(user: SessionUser, deviceId: string, progress: SyncProgress[], phases: Phases, inThread: boolean) {
	return createSyncEngine({
		store: syncStore(userDb(user.id)),
		transport: timedTransport(phases, appTransport(user.id, inThread)),
		lock: deviceSyncLock(),
		deviceId,
		isUnlocked: () => isUnlocked(user.id),
		wipe: () => Promise.reject(new Error('The benchmark device was told to wipe itself')),
		onProgress: (p) => progress.push(p)
	});
}

export const harness = {
	/** Signs in as a new device and makes its vault (untimed). */
	async signIn(username: string, password: string): Promise<void> {
		const deviceId = `bench-${crypto.randomUUID()}`;
		const answer = await fetch('/api/session', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username, password, device: { id: deviceId, label: 'Benchmark tablet' } })
		});
		if (!answer.ok) throw new Error(`Sign-in answered ${answer.status}: ${await answer.text()}`);
		const user = (await answer.json()) as SessionUser;
		await createVault(user, PASSPHRASE);
		session = { user, deviceId };
	},

	/** One sync round of the real engine, timed from start until every page is committed. */
	async sync(inThread = false): Promise<{ ms: number; records: number; pages: number; outcome: string; progress: SyncProgress[]; phases: Phases }> {
		if (!session) throw new Error('Sign in first');
		const progress: SyncProgress[] = [];
		const phases: Phases = { push: 0, pull: 0 };
		const engine = engineFor(session.user, session.deviceId, progress, phases, inThread);
		const start = performance.now();
		const outcome = await engine.sync();
		const ms = performance.now() - start;
		const records = await userDb(session.user.id).records.count();
		return { ms, records, pages: progress.length, outcome: outcome.status === 'synced' ? 'synced' : JSON.stringify(outcome), progress: progress.slice(-2), phases };
	},

	/** A day's edits on this tablet: one participant field changed in `count` records across the cases. */
	async editParticipants(count: number, day: number): Promise<void> {
		if (!session) throw new Error('Sign in first');
		const db = userDb(session.user.id);
		const repo = recordRepository(db);
		const ids = (await db.records.where('type').equals('participant').primaryKeys()) as string[];
		for (let i = 0; i < count; i++) {
			const record = await repo.get(ids[(i * 3 + day) % ids.length]!);
			const saved = await repo.save({ ...record, language: `Welsh, day ${day} edit ${i}`, updatedAt: new Date().toISOString() });
			if (!saved.ok) throw new Error(`A benchmark edit did not validate: ${JSON.stringify(saved.problems)}`);
		}
	},

	pendingChanges: async () => (session ? userDb(session.user.id).outbox.count() : 0),

	/** The floor: the same records, already in the page, bulkPut into a plain Dexie table with the same indexes. */
	async floor(rows: { docId: string; record: Record<string, unknown> }[], name: string): Promise<{ ms: number; records: number }> {
		const db = new Dexie(name);
		db.version(1).stores({ records: LATEST_STORES.records! });
		await db.open();
		const start = performance.now();
		await db.table('records').bulkPut(rows.map(({ docId, record }) => ({ ...record, id: docId })));
		const ms = performance.now() - start;
		return { ms, records: await db.table('records').count() };
	}
};

declare global {
	interface Window {
		harness: typeof harness;
		/** The page worker's bundled code, put in the page by the runner. */
		pageWorkerCode?: string;
	}
}
window.harness = harness;
