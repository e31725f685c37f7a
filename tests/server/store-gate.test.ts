import { createServer, type Server } from 'node:http';
import Nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreUnreachable } from '../../server/store/couch.js';
import { prepareStoreGate, StoreGate } from '../../server/store/store-gate.js';

// A stand-in store: answers after a delay, never answers /hang, and counts requests in flight.
let store: Server;
let url: string;
let inFlight = 0;
let mostInFlight = 0;
let delayMs = 40;

beforeAll(async () => {
	store = createServer((request, response) => {
		inFlight++;
		mostInFlight = Math.max(mostInFlight, inFlight);
		if (request.url?.startsWith('/hang')) return;
		setTimeout(() => {
			inFlight--;
			response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: request.url }));
		}, delayMs);
	});
	await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
	const address = store.address();
	url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	await prepareStoreGate();
});
afterAll(() => {
	store.closeAllConnections();
	store.close();
});

const through = (gate: StoreGate) => Nano({ url, agentOptions: gate as never });
const ask = (gate: StoreGate, path: string) => through(gate).request({ path }) as Promise<{ path: string }>;

describe('the queue in front of the store', () => {
	it('lets a burst of 60 store requests through at most a dozen at a time, and answers every one', async () => {
		mostInFlight = 0;
		delayMs = 40;
		const gate = new StoreGate({ limit: 12, answerTimeoutMs: 10_000 });
		const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => ask(gate, `r${i}`)));
		expect(answers.map((a) => a.path)).toEqual(Array.from({ length: 60 }, (_, i) => `/r${i}`));
		expect(mostInFlight).toBeLessThanOrEqual(12);
		expect(gate.highWater).toBe(12);
		expect(gate.queued).toBe(0);
	});

	it('does not count the time a request waited in the queue as the store not answering', async () => {
		delayMs = 120;
		const gate = new StoreGate({ limit: 1, answerTimeoutMs: 400 });
		// The sixth waits about 600 ms behind the others, longer than the store is given to answer.
		const answers = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => ask(gate, `q${i}`)));
		expect(answers.map((a) => a.status)).toEqual(Array(6).fill('fulfilled'));
	});

	it('reports a store that does not start answering in time as unreachable, and lets the next request through', async () => {
		delayMs = 10;
		const gate = new StoreGate({ limit: 1, answerTimeoutMs: 300 });
		const [hung, next] = await Promise.allSettled([ask(gate, 'hang'), ask(gate, 'after')]);
		expect(hung.status).toBe('rejected');
		expect(isStoreUnreachable((hung as PromiseRejectedResult).reason)).toBe(true);
		expect(next).toEqual({ status: 'fulfilled', value: { path: '/after' } });
	});
});
