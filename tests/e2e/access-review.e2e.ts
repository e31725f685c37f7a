import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addPerson } from './support/office-api.js';
import { openInApp } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, waitForOfflineReady } from './support/sign-in.js';

const run = Date.now().toString(36);
const PASSWORD = 'a long test password 42';
const COORDINATOR = `coord-dp-${run}`;

test.use({ viewport: { width: 1024, height: 768 } });
test.beforeAll(async () => addPerson(COORDINATOR, `Coordinator ${run}`, 'coordinator', PASSWORD));

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

test('case notes opened offline on a tablet show in the office’s access review after the next sync, and the tablet in the device list', async ({ page, context, browser }) => {
	test.setTimeout(240_000);
	await signIn(page, 'cofacilitator', passwordOf('cofacilitator'));
	await expect(page.getByRole('link', { name: /RJ-2026-0104/ })).toBeVisible({ timeout: 60_000 });
	await waitForOfflineReady(page);

	await context.setOffline(true);
	await page.getByRole('link', { name: /RJ-2026-0104/ }).click();
	await expect(page.getByRole('heading', { name: 'Case RJ-2026-0104' })).toBeVisible();
	await page.getByRole('link', { name: /Case notes/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Case notes' })).toBeVisible();
	await context.setOffline(false);
	await page.getByRole('link', { name: 'This device' }).click();
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('sync-result')).toHaveText('Sync finished.', { timeout: 60_000 });

	const office = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
	await signIn(office, COORDINATOR, PASSWORD);
	await openInApp(office, '/office');
	await office.getByRole('navigation', { name: 'Office' }).getByRole('link', { name: 'Data protection' }).click();
	await expect(office.getByRole('heading', { level: 1, name: 'Data protection' })).toBeVisible();
	await axe(office);

	await office.getByRole('link', { name: 'Who opened a case' }).click();
	await office.getByLabel('Case reference').fill('RJ-2026-9999');
	await office.getByRole('button', { name: 'Show who opened it' }).click();
	await expect(office.getByText('No case has this reference')).toBeVisible();
	await office.getByLabel('Case reference').fill('RJ-2026-0104');
	await office.getByRole('button', { name: 'Show who opened it' }).click();
	const lines = office.getByTestId('access-lines');
	await expect(lines.getByRole('row', { name: /Opened case notes \(offline, reported at sync\)/ }).first()).toContainText('Demo Facilitator Two');
	await axe(office);

	await office.getByRole('navigation', { name: 'Office' }).getByRole('link', { name: 'Data protection' }).click();
	await office.getByRole('link', { name: 'Devices and lost tablets' }).click();
	const statements = office.getByTestId('statement');
	await expect(statements.filter({ hasText: 'RJ-2026-0104' }).first()).toContainText(/^Last synced just now .*holds \d+ cases?: .*RJ-2026-0104 \(\d+ records?\)/);
	await expect(office.getByText('An administrator can revoke this device.').first()).toBeVisible();
	await axe(office);
});
