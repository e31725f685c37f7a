import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { BrowserDevice, BrowserDeviceOptions, DeviceRecord, DeviceSnapshot } from '../chaos/sim-device-types.js';

/**
 * One tablet for the chaos test that is the real app in Chromium: it loads the built app through
 * the fault proxy, signs in and sets its passphrase on the app's own screens, and syncs with the
 * app's own engine, scheduler and Web Lock. Going offline is `context.setOffline`, so the page
 * sees real offline and online events. Edits go through a bundled harness in the page
 * (`chaos-page-harness.ts`) until the app has screens for participants. `sync()` nudges the app
 * the way a tablet finding its network again does (offline, then online) and waits for a round.
 */
const LAUNCH = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
};

let script: Promise<string> | undefined;
const harnessScript = () =>
	(script ??= build({ entryPoints: ['tests/support/chaos-page-harness.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022' }).then(
		(result) => result.outputFiles[0]!.text
	));

async function signInOnScreen(page: Page, options: BrowserDeviceOptions): Promise<void> {
	await page.goto('/');
	await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
	await page.getByLabel('Username').fill(options.username);
	await page.getByLabel('Password').fill(options.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('heading', { name: 'Set a passphrase for this tablet' }).waitFor({ timeout: 30_000 });
	await page.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
	await page.getByLabel('Type it again').fill(options.passphrase);
	await page.getByRole('button', { name: 'Save passphrase' }).click();
	await page.getByRole('heading', { name: 'My cases' }).waitFor({ timeout: 30_000 });
}

export async function launchBrowserDevice(options: BrowserDeviceOptions): Promise<BrowserDevice> {
	const browser = await chromium.launch(LAUNCH);
	const context = await browser.newContext({ baseURL: options.origin, viewport: { width: 1024, height: 768 } });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' && /sync round failed/.test(message.text())) problems.push(message.text());
	});
	await signInOnScreen(page, options);
	const { userId, passphrase } = options;

	// Injected again if the page ever reloads; the harness unlocks its own copy of the key.
	async function harness(): Promise<void> {
		if (await page.evaluate(() => 'chaosHarness' in window)) return;
		await page.evaluate(await harnessScript());
		if (!(await page.evaluate(([id, words]) => window.chaosHarness.unlock(id!, words!), [userId, passphrase]))) throw new Error('The page harness could not unlock the vault');
	}
	await harness();
	const deviceId = await page.evaluate(() => window.chaosHarness.deviceId());
	if (!deviceId) throw new Error('The app made no device id at sign-in');

	let online = true;
	let network: Promise<void> = Promise.resolve();
	// Chained, and the last step reads the flag when it runs, so the page ends as the flag says.
	const applyNetwork = () => (network = network.then(() => context.setOffline(!online)));
	const lastSynced = async () => (await harness(), page.evaluate((id) => window.chaosHarness.lastSyncedAt(id), userId));

	const device: BrowserDevice = {
		deviceId,
		userId,
		kind: 'chromium',
		problems,
		get online() {
			return online;
		},
		set online(value: boolean) {
			if (value === online) return;
			online = value;
			void applyNetwork();
		},
		async sync() {
			await network;
			if (!online) return { status: 'offline' };
			await harness();
			const [before, waiting] = [await lastSynced(), await page.evaluate((id) => window.chaosHarness.outboxCount(id), userId)];
			// A real offline-then-online: the app's scheduler syncs at once on reconnect, backoff forgotten.
			network = network.then(() => context.setOffline(true));
			await applyNetwork();
			const deadline = Date.now() + options.roundTimeoutMs;
			while (Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 150));
				if (!online) return { status: 'offline' };
				if ((await lastSynced()) > before) return { status: 'synced', pushed: waiting };
			}
			return { status: 'failed', message: `no round finished within ${options.roundTimeoutMs} ms` };
		},
		read: async (docId) => (await device.snapshot()).records.find((r) => r.docId === docId)?.record,
		async save(record, at, mutationId, basedOn) {
			await harness();
			// A key press: the person is at the tablet, so the app does not auto-lock.
			await page.keyboard.press('Shift');
			return page.evaluate(
				([id, r, when, mid, seen]) => window.chaosHarness.save(id as string, r as Record<string, unknown>, when as string, mid as string, seen as Record<string, unknown> | undefined),
				[userId, record, at, mutationId, basedOn] as const
			);
		},
		async recordsOfType(type): Promise<DeviceRecord[]> {
			await harness();
			return page.evaluate(([id, t]) => window.chaosHarness.recordsOfType(id!, t!), [userId, type]);
		},
		async conflicts(caseId) {
			await harness();
			return page.evaluate(([id, c]) => window.chaosHarness.conflicts(id!, c!), [userId, caseId]);
		},
		async resolve(docId, path, choice) {
			await harness();
			return page.evaluate(([id, d, p, c]) => window.chaosHarness.resolve(id as string, d as string, p as string[], c as { pick: number }), [userId, docId, path, choice] as const);
		},
		async snapshot(): Promise<DeviceSnapshot & { caseList: string[] }> {
			await harness();
			return page.evaluate((id) => window.chaosHarness.snapshot(id), userId);
		},
		async statusText() {
			return (await page.getByTestId('sync-status').textContent()) ?? '';
		},
		async close() {
			await browser.close();
		}
	};
	return device;
}
