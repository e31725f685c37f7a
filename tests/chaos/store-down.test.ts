import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, startServer, stopServer, type StartedServer } from '../support/start-server.js';
import { call, signInAs } from '../server/support.js';
import { storeProcessesOf } from '../support/processes.js';

let server: StartedServer;
let cookie: string;

beforeAll(async () => {
	server = await startServer({ port: 0, args: ['--demo'] });
	cookie = await signInAs(server.url, 'facilitator', demoPassword(server.output, 'facilitator'));
});
afterAll(() => stopServer(server.child));

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, attempts = 100): Promise<T> {
	for (let i = 0; ; i++) {
		const value = await probe();
		if (accept(value) || i >= attempts) return value;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

describe('when the embedded store is killed', () => {
	it('answers 503 with a clear body instead of crashing, then recovers on its own with no data lost', async () => {
		const before = await call<{ cases: unknown[] }>(server.url, 'GET', '/api/cases', { cookie });
		expect(before.body.cases).toHaveLength(5);

		const [store] = storeProcessesOf(server.pid);
		expect(store).toBeDefined();
		process.kill(store!, 'SIGKILL');
		const [health, cases] = await until(
			() => Promise.all([call<{ status: string }>(server.url, 'GET', '/api/health'), call<{ error: string }>(server.url, 'GET', '/api/cases', { cookie })]),
			([h, c]) => h.status === 503 && c.status === 503,
			20
		);
		expect(health.status).toBe(503);
		expect(health.body).toMatchObject({ status: 'unavailable', store: { reachable: false } });
		expect(cases.status).toBe(503);
		expect(cases.body.error).toBe('store-unavailable');

		const up = await until(() => call(server.url, 'GET', '/api/health'), (a) => a.status === 200);
		expect(up.status).toBe(200);
		const after = await call<{ cases: unknown[] }>(server.url, 'GET', '/api/cases', { cookie });
		expect(after.body.cases).toEqual(before.body.cases);
	});
});
