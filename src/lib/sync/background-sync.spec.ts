import { describe, expect, it } from 'vitest';
import { answerBackgroundSync, BACKGROUND_SYNC_TAG, requestBackgroundSync } from './background-sync.js';

/** A service worker container: an event target with a registration that may offer Background Sync. */
function workers(sync?: { register(tag: string): Promise<void> }) {
	const target = new EventTarget();
	return Object.assign(target, { getRegistration: async () => (sync ? ({ sync } as unknown as ServiceWorkerRegistration) : ({} as ServiceWorkerRegistration)) });
}

function ask(container: EventTarget): Promise<unknown> {
	const channel = new MessageChannel();
	const answer = new Promise((resolve) => (channel.port1.onmessage = (event) => (channel.port1.close(), resolve(event.data))));
	container.dispatchEvent(new MessageEvent('message', { data: { type: BACKGROUND_SYNC_TAG }, ports: [channel.port2] }));
	return answer;
}

describe('Background Sync', () => {
	it('registers the sync tag where the browser offers Background Sync', async () => {
		const tags: string[] = [];
		expect(await requestBackgroundSync(workers({ register: async (tag) => void tags.push(tag) }))).toBe(true);
		expect(tags).toEqual([BACKGROUND_SYNC_TAG]);
	});

	it('says no, without an error, where the browser has no Background Sync or refuses it', async () => {
		expect(await requestBackgroundSync(workers())).toBe(false);
		expect(await requestBackgroundSync(workers({ register: () => Promise.reject(new Error('denied')) }))).toBe(false);
		expect(await requestBackgroundSync(undefined)).toBe(false);
	});

	it('runs a round when the worker asks and tells it whether the round succeeded', async () => {
		const container = workers();
		let rounds = 0;
		let succeed = true;
		const stop = answerBackgroundSync(async () => (rounds++, succeed), container);
		expect(await ask(container)).toEqual({ ok: true });
		succeed = false;
		expect(await ask(container)).toEqual({ ok: false });
		expect(rounds).toBe(2);
		stop();
		container.dispatchEvent(new MessageEvent('message', { data: { type: BACKGROUND_SYNC_TAG }, ports: [] }));
		expect(rounds).toBe(2);
	});
});
