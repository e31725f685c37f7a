import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../src/lib/protocol/health.js';
import type { StartedServer } from '../support/start-server.js';
import { call, startTestServer, stopServer } from './support.js';

let server: StartedServer;

beforeAll(async () => {
	server = await startTestServer([]);
});
afterAll(() => stopServer(server.child));

describe('health and the app shell', () => {
	it('reports the app version and a reachable embedded store', async () => {
		const answer = await call<HealthResponse>(server.url, 'GET', '/api/health');
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ status: 'ok', version: '0.1.0', store: { reachable: true, kind: 'embedded' } });
	});

	it('serves the app page for any page address, so a deep link opens the app', async () => {
		const answer = await call<string>(server.url, 'GET', '/cases/some-case');
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/text\/html/);
		expect(answer.body).toContain('<title>Tandem</title>');
		expect(answer.headers.get('cache-control')).toBe('no-cache');
	});

	it('serves the service worker and the manifest, revalidated on every visit', async () => {
		const worker = await call<string>(server.url, 'GET', '/sw.js');
		expect(worker.status).toBe(200);
		expect(worker.body).toContain('precacheAndRoute');
		expect(worker.headers.get('cache-control')).toBe('no-cache');
		const manifest = await call<{ icons: { sizes: string; purpose: string }[] }>(server.url, 'GET', '/manifest.webmanifest');
		expect(manifest.body.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
			expect.arrayContaining(['192x192 maskable', '512x512 maskable', '192x192 any', '512x512 any'])
		);
	});

	it('answers an unknown API address with a JSON 404, not the app page', async () => {
		const answer = await call<{ error: string }>(server.url, 'GET', '/api/nothing-here');
		expect(answer.status).toBe(404);
		expect(answer.body.error).toBe('not-found');
	});

	it('sends security headers with every answer', async () => {
		const page = await call(server.url, 'GET', '/');
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('no-referrer');
		expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		const api = await call(server.url, 'GET', '/api/health');
		expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(api.headers.get('cache-control')).toBe('no-store');
		expect(api.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('refuses a body larger than the limit without changing anything', async () => {
		const answer = await call<{ error: string }>(server.url, 'POST', '/api/session', {
			body: { username: 'admin', password: 'x'.repeat(300_000) }
		});
		expect(answer.status).toBe(413);
		expect(answer.body.error).toBe('bad-request');
	});
});

describe('compression', () => {
	it('sends the app scripts gzipped to a browser that accepts it', async () => {
		const page = await (await fetch(`${server.url}/`)).text();
		const script = /\/_app\/immutable\/[^"]+\.js/.exec(page)?.[0];
		expect(script).toBeDefined();
		const response = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('cache-control')).toContain('immutable');
	});
});
