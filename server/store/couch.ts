import Nano from 'nano';
import { prepareStoreGate, StoreGate, type StoreGateOptions } from './store-gate.js';

/** The databases Tandem keeps; see server/README.md for why the layout is what it is. */
export interface Databases {
	records: Nano.DocumentScope<Record<string, unknown>>;
	accounts: Nano.DocumentScope<Record<string, unknown>>;
	audit: Nano.DocumentScope<Record<string, unknown>>;
}

export interface Couch {
	kind: 'embedded' | 'couchdb';
	server: Nano.ServerScope;
	dbs: Databases;
	names: { records: string; accounts: string; audit: string };
	isReachable(): Promise<boolean>;
	/** The queue every store request of this process passes through. */
	gate: StoreGate;
}

/**
 * Per server process. A dozen keeps the store's two cores busy with no request waiting on a
 * connection; more only adds contention (measured in bench/server-load). The answer timeout is
 * undici's own default for response headers, counted from when a request leaves the queue: a
 * first view build on a large store can take minutes.
 */
export const STORE_GATE: Omit<StoreGateOptions, 'inner'> = { limit: 12, answerTimeoutMs: 300_000 };

export function statusOf(error: unknown): number | undefined {
	const status = (error as { statusCode?: unknown } | null)?.statusCode;
	return typeof status === 'number' ? status : undefined;
}

async function createIfMissing(server: Nano.ServerScope, name: string): Promise<void> {
	try {
		await server.db.create(name);
	} catch (error) {
		// 412: it exists already. Another server process may have created it a moment ago.
		if (statusOf(error) !== 412) throw error;
	}
}

/**
 * How long a store that answered counts as reachable without asking again. Monitors and load
 * balancers poll the health route; a stale "yes" is safe, since any request's own store calls fail
 * (503) if the store went away meanwhile. A "no" is never kept: a store that is back is seen at once.
 */
export const REACHABLE_FOR_MS = 2_000;

/** Whether the store answers `ask`, asked at most once per `REACHABLE_FOR_MS` while it does (per process). */
export function reachability(ask: () => Promise<unknown>, clock: () => number = Date.now): () => Promise<boolean> {
	let answeredAt = -Infinity;
	let asking: Promise<boolean> | undefined;
	return () => {
		if (clock() - answeredAt < REACHABLE_FOR_MS) return Promise.resolve(true);
		asking ??= ask().then(
			() => ((answeredAt = clock()), true),
			() => false
		).finally(() => (asking = undefined));
		return asking;
	};
}

/** Connects through nano and makes the databases, idempotently, so any number of processes may start at once. */
export async function connectCouch(url: string, kind: Couch['kind'], prefix: string, gateOptions = STORE_GATE): Promise<Couch> {
	await prepareStoreGate();
	const gate = new StoreGate(gateOptions);
	const server = Nano({ url, agentOptions: gate as never });
	const names = { records: `${prefix}_records`, accounts: `${prefix}_accounts`, audit: `${prefix}_audit` };
	for (const name of Object.values(names)) await createIfMissing(server, name);
	return {
		kind,
		server,
		names,
		gate,
		dbs: { records: server.use(names.records), accounts: server.use(names.accounts), audit: server.use(names.audit) },
		isReachable: reachability(() => server.use(names.accounts).info())
	};
}

/** Retries until the store answers, so the server never accepts requests before its store. */
export async function waitForStore(url: string, attempts = 60, delayMs = 500): Promise<void> {
	const server = Nano({ url });
	for (let attempt = 1; ; attempt++) {
		try {
			await server.info();
			return;
		} catch (error) {
			if (statusOf(error) === 401) throw new Error('The store refused the credential in COUCHDB_URL (401)');
			if (attempt >= attempts) throw new Error(`The store at ${redact(url)} did not answer: ${(error as Error).message}`);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}

/** A URL fit for a log line: the password is never printed. */
export function redact(url: string): string {
	const parsed = new URL(url);
	if (parsed.password) parsed.password = '***';
	return parsed.toString();
}

/** nano reports a store it cannot reach with this plain Error (no status code); see its lib/nano.js. */
export function isStoreUnreachable(error: unknown): boolean {
	return error instanceof Error && statusOf(error) === undefined && error.message.startsWith('error happened in your connection');
}
