import { expect, test } from '@playwright/test';
import { passwordOf } from './support/server-state.js';
import { signIn, unlock, waitForOfflineReady } from './support/sign-in.js';

const DEMO_ASSIGNED = ['RJ-2026-0101', 'RJ-2026-0102', 'RJ-2026-0103', 'RJ-2026-0104', 'RJ-2026-0201'];

test('a facilitator sees their assigned cases, and only those, after signing in', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	const list = page.getByTestId('case-list');
	await expect(list.getByRole('listitem')).toHaveCount(DEMO_ASSIGNED.length);
	for (const reference of DEMO_ASSIGNED) await expect(list).toContainText(reference);
	await expect(list).not.toContainText('RJ-2026-0105');
	await expect(page.getByTestId('sync-status')).toContainText('Online');
	await expect(page.getByTestId('sync-status')).toContainText('last synced just now');
});

test('after one online visit the app cold-starts offline with its data: reload and a new tab', async ({ page, context }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('case-list').getByRole('listitem')).toHaveCount(DEMO_ASSIGNED.length);
	await waitForOfflineReady(page);

	await context.setOffline(true);
	await page.reload();
	// The key lives only in memory: a cold start opens locked, and the passphrase opens it offline.
	await unlock(page);
	await expect(page.getByTestId('case-list').getByRole('listitem')).toHaveCount(DEMO_ASSIGNED.length);
	await expect(page.getByTestId('sync-status')).toContainText('Offline');

	const tab = await context.newPage();
	await tab.goto('/cases');
	await unlock(tab);
	await expect(tab.getByTestId('case-list')).toContainText('RJ-2026-0102');
	await expect(tab.getByTestId('sync-status')).toContainText('Offline');
	await context.setOffline(false);
});

test('going back online syncs again and says so', async ({ page, context }) => {
	await signIn(page, 'cofacilitator', passwordOf('cofacilitator'));
	await context.setOffline(true);
	await expect(page.getByTestId('sync-status')).toContainText('Offline');
	const pulled = page.waitForResponse((response) => response.url().endsWith('/api/cases') && response.ok());
	await context.setOffline(false);
	await pulled;
	await expect(page.getByTestId('sync-status')).toContainText('Online');
	await expect(page.getByTestId('sync-status')).toContainText('last synced just now');
});

test('an office page opened once online opens again after an offline cold start, and says it needs the server', async ({ page, context }) => {
	await signIn(page, 'coordinator', passwordOf('coordinator'));
	await waitForOfflineReady(page);
	// Office code is not in the offline shell: this visit, through the worker, is what keeps it.
	await page.getByRole('link', { name: 'Office' }).click();
	await page.getByRole('link', { name: 'Allocation' }).click();
	await expect(page.getByTestId('allocation-list')).toBeVisible();
	// The browser's own HTTP cache may be evicted on a tablet; only the worker's copy must count.
	await (await context.newCDPSession(page)).send('Network.clearBrowserCache');

	await context.setOffline(true);
	await page.reload();
	await unlock(page);
	await page.getByRole('link', { name: 'Office' }).click();
	await page.getByRole('link', { name: 'Allocation' }).click();
	await expect(page.getByRole('heading', { name: 'Allocation', level: 1 })).toBeVisible();
	// The office frame or the page's own request may be first to notice the lost connection.
	await expect(page.getByRole('main')).toContainText(/work only online|server cannot be reached/);
	await context.setOffline(false);
});
