import type { Page } from '@playwright/test';

/**
 * Follows a link inside the running app, as a tap on a link would: the router moves without a
 * reload, so an unlocked vault stays unlocked (a reload starts the app locked). Stands in for
 * the case screen's links until that screen lands.
 */
export async function openInApp(page: Page, path: string): Promise<void> {
	await page.evaluate((href) => {
		const link = document.createElement('a');
		link.href = href;
		document.body.append(link);
		link.click();
		link.remove();
	}, path);
	await page.waitForURL((url) => url.pathname === path);
}
