import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS, NO_FAULTS, startFaultProxy, type FaultPlan, type FaultProxy } from '../support/fault-proxy.js';

/** A real upstream that notes every request it receives, in order, and answers with a cookie. */
let upstream: Server;
let upstreamPort: number;
let seen: { path: string; body: string }[] = [];
let proxy: FaultProxy | undefined;

beforeAll(async () => {
	upstream = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			seen.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString() });
			res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ n: seen.length, host: req.headers.host }));
		});
	});
	await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
	upstreamPort = (upstream.address() as AddressInfo).port;
});
afterEach(async () => {
	await proxy?.close();
	proxy = undefined;
	seen = [];
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

const only = (change: Partial<FaultPlan>): FaultPlan => ({ ...NO_FAULTS, holdMs: 2000, ...change });
async function through(plan: FaultPlan, applies?: (method: string, path: string) => boolean): Promise<FaultProxy> {
	proxy = await startFaultProxy({ target: { port: upstreamPort }, seed: 7, plan, ...(applies ? { applies } : {}) });
	return proxy;
}
const post = (p: FaultProxy, path: string, body = 'hello') => fetch(`${p.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
const othersZero = (p: FaultProxy, kind: string) => FAULT_KINDS.filter((k) => k !== kind).every((k) => p.counts[k] === 0);

describe('the fault-injecting proxy', () => {
	it('passes requests through unchanged when no fault is drawn, cookies and Host included', async () => {
		const p = await through(NO_FAULTS);
		const answer = await post(p, '/api/x', 'body text');
		expect(answer.status).toBe(200);
		expect(answer.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(await answer.json()).toEqual({ n: 1, host: `127.0.0.1:${p.port}` });
		expect(seen).toEqual([{ path: '/api/x', body: 'body text' }]);
	});

	it('drops a connection mid-request, before the server sees it', async () => {
		const p = await through(only({ dropRequest: 1 }));
		await expect(post(p, '/api/push')).rejects.toThrow();
		expect(seen).toEqual([]);
		expect(p.counts['drop-request']).toBe(1);
		expect(othersZero(p, 'drop-request')).toBe(true);
	});

	it('drops a connection mid-response, after the server has done the work', async () => {
		const p = await through(only({ dropResponse: 1 }));
		await expect(post(p, '/api/push', 'change 1')).rejects.toThrow();
		expect(seen).toEqual([{ path: '/api/push', body: 'change 1' }]);
		expect(p.counts['drop-response']).toBe(1);
	});

	it('sends a request to the server twice and answers once', async () => {
		const p = await through(only({ duplicate: 1 }));
		const answer = await post(p, '/api/push', 'change 2');
		expect(answer.status).toBe(200);
		expect(seen).toEqual([{ path: '/api/push', body: 'change 2' }, { path: '/api/push', body: 'change 2' }]);
		expect(p.counts.duplicate).toBe(1);
		expect(p.forwarded).toBe(2);
	});

	it('holds a request until a later one has been answered', async () => {
		const p = await through(only({ reorder: 1 }), (_m, path) => path === '/api/first');
		const first = post(p, '/api/first');
		await new Promise((resolve) => setTimeout(resolve, 100));
		const second = await post(p, '/api/second');
		expect((await first).status).toBe(200);
		expect(second.status).toBe(200);
		expect(seen.map((s) => s.path)).toEqual(['/api/second', '/api/first']);
		expect(p.counts.reorder).toBe(1);
	});

	it('answers 502 itself without passing the request on', async () => {
		const p = await through(only({ badGateway: 1 }));
		expect((await post(p, '/api/push')).status).toBe(502);
		expect(seen).toEqual([]);
		expect(p.counts['502']).toBe(1);
	});

	it('delays a request by the planned time', async () => {
		const p = await through(only({ delay: 1, delayMs: [200, 200] }));
		const started = Date.now();
		expect((await post(p, '/api/pull')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		expect(p.counts.delay).toBe(1);
	});

	it('answers 502 when the server is down, counted apart from the injected faults', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		proxy = await startFaultProxy({ target: { port }, seed: 1 });
		expect((await post(proxy, '/api/push')).status).toBe(502);
		expect(proxy.upstreamDown).toBe(1);
		expect(othersZero(proxy, 'none')).toBe(true);
	});

	it('leaves the app files alone and draws the same faults for the same seed', async () => {
		const plan = only({ dropRequest: 0.2, badGateway: 0.2, dropResponse: 0.2 });
		const fates: string[][] = [];
		for (let run = 0; run < 2; run++) {
			const p = await through(plan);
			expect((await fetch(`${p.url}/_app/app.js`)).status).toBe(200);
			for (let i = 0; i < 20; i++) await post(p, `/api/${i}`).catch(() => undefined);
			fates.push(p.events.map((e) => e.fault ?? '-'));
			await p.close();
			proxy = undefined;
		}
		expect(fates[0]![0]).toBe('-');
		expect(fates[0]).toEqual(fates[1]);
		expect(new Set(fates[0]).size).toBeGreaterThan(2);
	});
});
