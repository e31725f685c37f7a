// Cold offline start of the app shell in headless Chromium: after one online visit (sign in, set the
// passphrase, service worker installed), the browser is closed, started again on the same on-disk
// profile with the network cut (context.setOffline), and the app opened: timed from the navigation
// to the first usable screen (the unlock screen, its passphrase field ready), then on to "My cases"
// after the passphrase (which includes deriving the key). As tests/e2e/offline-start.e2e.ts checks.
// Run after `npm run build`: npx tsx bench/offline-start.ts → bench/results/offline-start.json
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type BrowserContext } from '@playwright/test';
import { demoPassword, startServer, stopServer } from '../tests/support/start-server.js';
import { spread, startResult } from './lib/result.js';

const RUNS = Number(process.env.BENCH_REPS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4371);
const PASSPHRASE = 'copper kettle orbit 42';
const ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const result = startResult('offline-start');
const server = await startServer({ port: PORT, args: ['--demo'] });
const profile = await mkdtemp(join(tmpdir(), 'tandem-offline-start-'));
const launch = () => chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS, baseURL: server.url });
const timings = { launchMs: [] as number[], unlockScreenMs: [] as number[], myCasesMs: [] as number[] };

async function firstVisit(context: BrowserContext): Promise<void> {
	const page = await context.newPage();
	await page.goto('/');
	await page.getByLabel('Username').fill('facilitator');
	await page.getByLabel('Password').fill(demoPassword(server.output, 'facilitator'));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await page.getByLabel('Type it again').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Save passphrase' }).click();
	await page.getByRole('heading', { name: 'My cases' }).waitFor({ timeout: 60_000 });
	await page.getByTestId('case-list').getByRole('listitem').first().waitFor({ timeout: 60_000 });
	await page.evaluate(async () => {
		type Workers = { ready: Promise<unknown>; controller: unknown; addEventListener(type: string, listener: () => void, options: { once: boolean }): void };
		const workers = (globalThis as unknown as { navigator: { serviceWorker: Workers } }).navigator.serviceWorker;
		await workers.ready;
		if (workers.controller) return;
		await new Promise<void>((resolve) => workers.addEventListener('controllerchange', () => resolve(), { once: true }));
	});
}

try {
	const online = await launch();
	await firstVisit(online);
	await online.close();
	for (let run = 0; run < RUNS; run++) {
		let started = performance.now();
		const context = await launch();
		timings.launchMs.push(performance.now() - started);
		try {
			await context.setOffline(true);
			const page = context.pages()[0] ?? (await context.newPage());
			started = performance.now();
			await page.goto('/cases', { waitUntil: 'commit' });
			const field = page.getByLabel('Passphrase', { exact: true });
			await field.waitFor({ state: 'visible', timeout: 30_000 });
			if (!(await field.isEditable())) throw new Error('The unlock screen showed a passphrase field that cannot be typed in');
			timings.unlockScreenMs.push(performance.now() - started);
			await field.fill(PASSPHRASE);
			started = performance.now();
			await page.getByRole('button', { name: 'Unlock', exact: true }).click();
			await page.getByTestId('case-list').getByRole('listitem').first().waitFor({ timeout: 30_000 });
			timings.myCasesMs.push(performance.now() - started);
			if (!(await page.getByTestId('sync-status').textContent())?.includes('Offline')) throw new Error('The app did not say it was offline');
		} finally {
			await context.close();
		}
		console.log(`[offline-start] run ${run + 1}: unlock screen ${timings.unlockScreenMs.at(-1)!.toFixed(0)} ms, my cases after unlock ${timings.myCasesMs.at(-1)!.toFixed(0)} ms`);
	}
	await result.write({
		how: 'Demo server (`tsx server/main.ts --demo`), headless Chromium on an on-disk profile. One online visit: sign in as the demo facilitator, set the passphrase, wait for the service worker to control the page. Then per run: Chromium started again on that profile (launch timed apart), network cut with context.setOffline(true), /cases opened; "unlock screen" is from the navigation until the passphrase field is visible and editable (the first usable screen: the key lives only in memory, so a cold start opens locked); "my cases after unlock" is from pressing Unlock until the case list shows (includes deriving the key and decrypting the list).',
		runs: RUNS,
		unlockScreenMs: spread(timings.unlockScreenMs, 0),
		myCasesAfterUnlockMs: spread(timings.myCasesMs, 0),
		browserLaunchMs: spread(timings.launchMs, 0),
		goals: { unlockScreen: '< 1 s' }
	});
} finally {
	await stopServer(server.child);
	await rm(profile, { recursive: true, force: true });
}
