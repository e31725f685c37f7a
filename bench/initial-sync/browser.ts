// One fresh on-disk Chromium profile per measurement, a page on a given origin, and what crossed
// the network while it ran (CDP), with or without the emulated tablet link.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';

const ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type Link = 'loopback' | 'tablet';
/** The tablet link: 40 ms latency, 20 Mbit/s down, 5 Mbit/s up. Throughput is in bytes per second. */
export const TABLET = { latencyMs: 40, downBitsPerSecond: 20e6, upBitsPerSecond: 5e6 };

export interface Traffic {
	requests: number;
	/** Response bytes as received (compressed bodies and headers): CDP `encodedDataLength`. */
	down: number;
	/** Request bodies sent. */
	up: number;
}

export interface BenchPage {
	page: Page;
	/**
	 * Starts counting requests and bytes, and applies the link; call after the untimed set-up. The
	 * count waits (a little) for answers still finishing: CDP reports a streamed answer's bytes
	 * only when it ends, which can be just after the page has read it.
	 */
	measure(link: Link): Promise<() => Promise<Traffic>>;
}

export async function withPage<T>(origin: string, scripts: { content?: string; path?: string }[], fn: (bench: BenchPage) => Promise<T>): Promise<T> {
	const profile = await mkdtemp(join(tmpdir(), 'tandem-initial-sync-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
	try {
		const page = await context.newPage();
		await page.route(`${origin}/bench-page`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
		await page.goto(`${origin}/bench-page`);
		// Routing intercepts every request; it goes before anything is timed.
		await page.unrouteAll();
		for (const script of scripts) await page.addScriptTag(script);
		const cdp = await context.newCDPSession(page);
		return await fn({ page, measure: (link) => measure(cdp, link) });
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
}

async function measure(cdp: CDPSession, link: Link): Promise<() => Promise<Traffic>> {
	const traffic: Traffic = { requests: 0, down: 0, up: 0 };
	const open = new Set<string>();
	cdp.on('Network.loadingFailed', (event) => open.delete(event.requestId));
	cdp.on('Network.requestWillBeSent', (event) => {
		traffic.requests++;
		open.add(event.requestId);
		const entries = event.request.postDataEntries ?? [];
		for (const entry of entries) traffic.up += entry.bytes ? Buffer.from(entry.bytes, 'base64').length : 0;
	});
	cdp.on('Network.loadingFinished', (event) => {
		traffic.down += event.encodedDataLength;
		open.delete(event.requestId);
	});
	await cdp.send('Network.enable', { maxPostDataSize: 64 * 1024 * 1024 });
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	if (link === 'tablet')
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: TABLET.latencyMs,
			downloadThroughput: TABLET.downBitsPerSecond / 8,
			uploadThroughput: TABLET.upBitsPerSecond / 8
		});
	return async () => {
		for (let waited = 0; open.size > 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
		return { ...traffic };
	};
}
