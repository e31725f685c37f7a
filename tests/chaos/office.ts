/**
 * People in the office, through the real API (straight to the server, not through the fault proxy):
 * the administrator adds a facilitator, the coordinator assigns and unassigns. The server may be
 * down for a restart when they act, so each call is retried until it is answered, as a person
 * would press the button again; every call used is idempotent (PUT and DELETE of an assignment).
 */
export interface Office {
	call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export interface Signed {
	cookie: string;
	user: { id: string };
}

/** Signs in and returns every cookie the server set, as the next request would send them. */
export async function signInHttp(base: string, username: string, password: string, device?: { id: string; label: string }): Promise<Signed> {
	const answer = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(device ? { device } : {}) }) });
	if (answer.status !== 200) throw new Error(`Sign-in as ${username} failed: ${answer.status} ${await answer.text()}`);
	const cookie = answer.headers.getSetCookie().map((line) => line.split(';')[0]!).filter((pair) => !pair.endsWith('=')).join('; ');
	return { cookie, user: (await answer.json()) as { id: string } };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function office(base: string, username: string, password: string): Promise<Office> {
	let cookie = (await signInHttp(base, username, password)).cookie;
	async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const deadline = Date.now() + 60_000;
		for (;;) {
			try {
				const answer = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
				if (answer.status === 401) cookie = (await signInHttp(base, username, password)).cookie;
				else if (answer.status !== 503) return { status: answer.status, body: (await answer.json()) as T };
			} catch {
				// The server is down: try again shortly.
			}
			if (Date.now() > deadline) throw new Error(`${method} ${path} got no answer in 60 s`);
			await pause(200);
		}
	}
	return { call };
}
