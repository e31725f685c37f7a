import type { Page } from '@playwright/test';

/**
 * Follows an in-app link to `path`, as a link on the case page would: the router moves there
 * without reloading, so the vault stays unlocked. (A reload locks it: the key lives in memory.)
 */
export async function openInApp(page: Page, path: string): Promise<void> {
	await page.evaluate((href) => {
		const link = document.createElement('a');
		link.href = href;
		link.textContent = 'Open';
		document.querySelector('main')!.append(link);
		link.click();
		link.remove();
	}, path);
	await page.waitForURL((url) => url.pathname === path);
}

/** Waits until a sync round has finished since the page opened. */
export async function waitForSync(page: Page): Promise<void> {
	await page.getByTestId('sync-status').filter({ hasText: 'last synced' }).waitFor();
}
