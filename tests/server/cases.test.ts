import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCasesResponse } from '../../src/lib/protocol/cases.js';
import { demoPassword, type StartedServer } from '../support/start-server.js';
import { call, signInAs, startTestServer, stopServer } from './support.js';

let server: StartedServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	server = await startTestServer();
	for (const username of ['facilitator', 'coordinator']) {
		cookies[username] = await signInAs(server.url, username, demoPassword(server.output, username));
	}
	cookies.admin = await signInAs(server.url, 'admin', /password: (\S+)/.exec(server.output)?.[1] ?? '');
});
afterAll(() => stopServer(server.child));

const references = (body: MyCasesResponse) => body.cases.map((c) => c.reference).sort();

describe('my cases', () => {
	it('refuses a caller with no session', async () => {
		const answer = await call<{ error: string }>(server.url, 'GET', '/api/cases');
		expect(answer.status).toBe(401);
		expect(answer.body.error).toBe('unauthenticated');
	});

	it('gives a facilitator exactly the cases they are assigned to', async () => {
		const answer = await call<MyCasesResponse>(server.url, 'GET', '/api/cases', { cookie: cookies.facilitator });
		expect(answer.status).toBe(200);
		expect(references(answer.body)).toEqual(['RJ-2026-0101', 'RJ-2026-0102', 'RJ-2026-0103', 'RJ-2026-0104', 'RJ-2026-0201']);
	});

	it('gives a coordinator every case of the service, the unallocated referral too', async () => {
		const answer = await call<MyCasesResponse>(server.url, 'GET', '/api/cases', { cookie: cookies.coordinator });
		expect(references(answer.body)).toEqual(['RJ-2026-0101', 'RJ-2026-0102', 'RJ-2026-0103', 'RJ-2026-0104', 'RJ-2026-0105', 'RJ-2026-0201']);
	});

	it('gives an administrator who is not a coordinator no cases', async () => {
		const answer = await call<MyCasesResponse>(server.url, 'GET', '/api/cases', { cookie: cookies.admin });
		expect(answer.body.cases).toEqual([]);
	});

	it('lists no names or notes, only what finding a case needs', async () => {
		const answer = await call<MyCasesResponse>(server.url, 'GET', '/api/cases', { cookie: cookies.facilitator });
		for (const item of answer.body.cases) expect(Object.keys(item).sort()).toEqual(['id', 'reference', 'stage', 'status', 'updatedAt']);
	});
});
