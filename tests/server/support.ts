import { startServer, stopServer, type StartedServer } from '../support/start-server.js';

/** A real server on the embedded store with a fresh data folder, demo service loaded. */
export async function startTestServer(args: string[] = ['--demo']): Promise<StartedServer> {
	// On a shared Apache CouchDB (COUCHDB_URL), each server gets databases of its own.
	const env = process.env.COUCHDB_URL ? { TANDEM_DB_PREFIX: `t${Date.now().toString(36)}${process.pid}` } : undefined;
	return startServer({ port: 0, args, env });
}

export { stopServer };

export interface Answer<T = unknown> {
	status: number;
	headers: Headers;
	body: T;
	cookie?: string;
}

/** One HTTP call; keeps the session cookie string the server set, if any. */
export async function call<T = unknown>(base: string, method: string, path: string, options: { body?: unknown; cookie?: string; rawBody?: string; contentType?: string } = {}): Promise<Answer<T>> {
	const headers: Record<string, string> = {};
	if (options.cookie) headers.cookie = options.cookie;
	if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
	const response = await fetch(`${base}${path}`, {
		method,
		headers,
		body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		/* not JSON: keep the text */
	}
	const setCookie = response.headers.get('set-cookie') ?? undefined;
	return { status: response.status, headers: response.headers, body: body as T, cookie: setCookie?.split(';')[0] };
}

export async function signInAs(base: string, username: string, password: string): Promise<string> {
	const answer = await call(base, 'POST', '/api/session', { body: { username, password } });
	if (answer.status !== 200 || !answer.cookie) throw new Error(`Sign-in as ${username} failed: ${answer.status}`);
	return answer.cookie;
}
