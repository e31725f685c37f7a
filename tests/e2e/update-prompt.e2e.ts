import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer, type StartedServer } from '../support/start-server.js';
import { waitForOfflineReady } from './support/sign-in.js';

let server: StartedServer;
let appDir: string;

test.beforeAll(async () => {
	// A server of its own, serving a copy of the built app that this test can "release" anew.
	appDir = await mkdtemp(join(tmpdir(), 'tandem-app-'));
	await cp('build', appDir, { recursive: true });
	server = await startServer({ port: 0, env: { TANDEM_APP_DIR: appDir } });
});
test.afterAll(() => stopServer(server.child));

test('a new version waits for the person to choose to reload, and never reloads under their typing', async ({ page }) => {
	await page.goto(`${server.url}/sign-in`);
	await waitForOfflineReady(page);
	await page.getByLabel('Username').fill('half-typed');

	await appendFile(join(appDir, 'sw.js'), '\n// the next release\n');
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

	const prompt = page.getByTestId('update-prompt');
	await expect(prompt).toContainText('A new version is ready');
	await page.waitForTimeout(1000);
	await expect(page.getByLabel('Username')).toHaveValue('half-typed');

	await prompt.getByRole('button', { name: 'Reload' }).click();
	await expect(page.getByLabel('Username')).toHaveValue('');
	await expect(prompt).toBeHidden();
	const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
	expect(waiting).toBe(false);
});
