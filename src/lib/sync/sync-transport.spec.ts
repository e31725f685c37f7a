import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PullRequest } from '../protocol/sync-pull.js';
import { httpTransport } from './sync-transport.js';

const request: PullRequest = { deviceId: 'device-0001-test', cases: [] };
const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('sync over HTTP', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('reads a 403 with the wipe action as the order to wipe the device', async () => {
		vi.stubGlobal('fetch', answer(403, { error: 'device-revoked', message: 'This device was revoked.', action: 'wipe' }));
		expect(await httpTransport.pull(request)).toEqual({ ok: false, kind: 'wipe', message: 'This device was revoked.' });
	});

	it('treats any other 403 as a plain failure, never as a wipe', async () => {
		vi.stubGlobal('fetch', answer(403, { error: 'forbidden', message: 'Not yours.' }));
		expect(await httpTransport.pull(request)).toMatchObject({ ok: false, kind: 'failed' });
	});

	it('says offline when no answer comes back, and unsupported when the server has no sync endpoint', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		expect(await httpTransport.push({ mutations: [] })).toMatchObject({ ok: false, kind: 'offline' });
		vi.stubGlobal('fetch', answer(404, { error: 'not-found', message: 'No such route.' }));
		expect(await httpTransport.pull(request)).toMatchObject({ ok: false, kind: 'unsupported' });
	});

	it('refuses an answer that does not match the protocol instead of storing it', async () => {
		vi.stubGlobal('fetch', answer(200, { records: 'nope' }));
		expect(await httpTransport.pull(request)).toMatchObject({ ok: false, kind: 'failed' });
	});
});
