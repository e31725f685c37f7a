import { AsyncLocalStorage } from 'node:async_hooks';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { holdKey, isUnlocked } from '../../src/lib/crypto/keyring.js';
import { recordRepository } from '../../src/lib/db/record-repository.js';
import type { DomainRecord } from '../../src/lib/domain/records.js';
import { plaintextGuard } from '../../src/lib/db/plaintext-guard.js';
import { userDbName, type UserDb } from '../../src/lib/db/user-db.js';
import { CLEAR_FIELDS, USER_DB_VERSIONS } from '../../src/lib/db/user-db-schema.js';
import { caseConflicts } from '../../src/lib/sync/case-conflicts.js';
import { createSyncEngine } from '../../src/lib/sync/sync-engine.js';
import { memoryLock } from '../../src/lib/sync/sync-lock.js';
import { syncStore } from '../../src/lib/sync/sync-store.js';
import { httpTransport } from '../../src/lib/sync/sync-transport.js';
import type { DeviceRecord, SimDevice, SimNetwork } from '../chaos/sim-device-types.js';

/**
 * Simulated tablets for the chaos tests: each is the real device engine (`httpTransport`,
 * `syncStore`, `recordRepository`) over its own fake-indexeddb, built like `userDb` but with the
 * device's own IDBFactory, so two tablets of one user never share a database. The app's fetch
 * calls relative paths with the browser's cookies; here a routing fetch sends each call to the
 * server with the calling device's own cookie jar (found through AsyncLocalStorage).
 */
interface Wire {
	deviceId: string;
	online: boolean;
	/** Bumped on every offline/online switch: an answer to a request sent before is lost. */
	epoch: number;
	cookies: Map<string, string>;
}

function deviceDb(userId: string): UserDb {
	const db = new Dexie(userDbName(userId), { indexedDB: new IDBFactory(), IDBKeyRange }) as UserDb;
	for (const { version, stores } of USER_DB_VERSIONS) db.version(version).stores(stores);
	db.use(plaintextGuard(CLEAR_FIELDS));
	db.userId = userId;
	return db;
}

export function simNetwork(baseUrl: string): SimNetwork {
	const current = new AsyncLocalStorage<Wire>();
	const realFetch = globalThis.fetch;
	const routingErrors: string[] = [];
	let droppedResponses = 0;

	const routed = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
		const wire = current.getStore();
		const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		// The server's own store client uses fetch too, with absolute URLs: those pass through.
		if (!wire && /^https?:/.test(path)) return realFetch(input, init);
		if (!wire) {
			routingErrors.push(path);
			throw new TypeError('No simulated device made this call');
		}
		if (!wire.online) throw new TypeError('fetch failed (device offline)');
		const epoch = wire.epoch;
		const headers = new Headers(init?.headers);
		if (wire.cookies.size > 0) headers.set('cookie', [...wire.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const response = await realFetch(new URL(path, baseUrl), { ...init, headers });
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			const [name, value] = [pair!.slice(0, at).trim(), pair!.slice(at + 1).trim()];
			if (value === '') wire.cookies.delete(name);
			else wire.cookies.set(name, value);
		}
		// Read the whole answer first: the server has finished when the connection drops.
		const body = await response.arrayBuffer();
		if (!wire.online || wire.epoch !== epoch) {
			droppedResponses++;
			throw new TypeError('fetch failed (connection dropped mid-response)');
		}
		const empty = response.status === 204 || response.status === 304;
		return new Response(empty ? null : body, { status: response.status, headers: response.headers });
	};
	globalThis.fetch = routed as typeof fetch;

	return {
		async device({ userId, deviceId, cookie }) {
			if (!isUnlocked(userId)) holdKey(userId, await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
			const cookies = new Map(cookie.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()] as [string, string]));
			const wire: Wire = { deviceId, online: true, epoch: 0, cookies };
			const db = deviceDb(userId);
			const store = syncStore(db);
			const engine = createSyncEngine({ store, transport: httpTransport, lock: memoryLock(), deviceId, isUnlocked: () => isUnlocked(userId), wipe: async () => undefined });
			const repo = recordRepository(db);

			async function withCopies(rows: { id: string; caseId?: string; record: Record<string, unknown> }[]): Promise<DeviceRecord[]> {
				const copies = await store.serverCopies(rows.map((r) => r.id));
				return rows.map((r) => ({ docId: r.id, ...(r.caseId ? { caseId: r.caseId } : {}), record: r.record, ...(copies.has(r.id) ? { copy: copies.get(r.id)! } : {}) }));
			}
			async function readRows(type?: string) {
				const rows = type ? await db.records.where('type').equals(type).toArray() : await db.records.toArray();
				return Promise.all(rows.map(async (row) => ({ id: row.id, caseId: row.caseId, record: (await repo.get(row.id)) as unknown as Record<string, unknown> })));
			}

			const device: SimDevice = {
				deviceId,
				userId,
				get online() {
					return wire.online;
				},
				set online(value: boolean) {
					if (value !== wire.online) wire.epoch++;
					wire.online = value;
				},
				sync: () => current.run(wire, () => engine.sync()),
				read: async (docId) => (await repo.get(docId)) as unknown as Record<string, unknown> | undefined,
				async save(record, at, mutationId, basedOn) {
					const saved = await recordRepository(db, { now: () => at, newId: () => mutationId }).save(record, basedOn ? { basedOn: basedOn as unknown as DomainRecord } : {});
					return saved.ok ? { ok: true } : { ok: false, problems: saved.problems };
				},
				recordsOfType: async (type) => withCopies(await readRows(type)),
				conflicts: (caseId) => caseConflicts(db).inCase(caseId),
				resolve: (docId, path, choice) => caseConflicts(db).resolve(docId, path, choice),
				async snapshot() {
					return {
						heldCases: (await store.heldCases()).map((c) => c.caseId),
						records: await withCopies(await readRows()),
						outbox: await db.outbox.count(),
						rejections: (await store.rejections()).map((r) => ({ docId: r.docId, code: r.code, message: r.message }))
					};
				}
			};
			return device;
		},
		get droppedResponses() {
			return droppedResponses;
		},
		routingErrors,
		restore() {
			globalThis.fetch = realFetch;
		}
	};
}
