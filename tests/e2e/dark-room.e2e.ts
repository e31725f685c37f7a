import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openInApp, waitForSync } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, unlock } from './support/sign-in.js';

const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

test.use({ viewport: { width: 768, height: 1024 } });

/** axe's colour-contrast rule runs on every text it finds: the palette must pass it, not just look dark. */
async function expectReadable(page: Page, name: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), name).toEqual([]);
	if (UPDATE) await page.screenshot({ path: `docs/screenshots/dark-room-${name}-768x1024.png` });
}

const screenColour = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('a facilitator turns on the dark-room screen, every screen stays readable, and the locked screen keeps it', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await waitForSync(page);
	expect(await screenColour(page)).toBe('rgb(247, 245, 240)');

	await page.getByRole('link', { name: 'This device' }).click();
	await page.getByRole('radio', { name: /Dark room/ }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark-room');
	expect(await screenColour(page)).toBe('rgb(14, 19, 18)');
	await expectReadable(page, 'device');

	await openInApp(page, '/cases');
	await expect(page.getByTestId('case-list')).toBeVisible();
	await expectReadable(page, 'today');
	await page.getByRole('link', { name: /RJ-2026-0102/ }).first().click();
	await expect(page.getByRole('heading', { name: 'Case RJ-2026-0102' })).toBeVisible();
	await expectReadable(page, 'case');
	await page.getByRole('link', { name: /Record a contact or visit/ }).click();
	await page.getByRole('button', { name: /Save/ }).first().click();
	await expectReadable(page, 'record-a-contact-problems');

	// Locking leaves nothing decrypted on screen; the choice is the tablet's, so the unlock page keeps it.
	await page.getByRole('button', { name: 'Lock', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark-room');
	await expectReadable(page, 'unlock');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark-room');
	await unlock(page);

	await page.getByRole('link', { name: 'This device' }).click();
	await page.getByRole('radio', { name: /Standard/ }).check();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'dark-room');
	expect(await screenColour(page)).toBe('rgb(247, 245, 240)');
});
