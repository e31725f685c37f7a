import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openInApp } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, waitForOfflineReady } from './support/sign-in.js';

const STALE = 'The risk assessment for the person responsible is 40 days old; reassess before the meeting';

test.use({ viewport: { width: 768, height: 1024 } });

test('a meeting cannot be scheduled with a stale assessment, and the message says why', async ({ page, context }) => {
	// Demo case RJ-2026-0201: the person responsible was last assessed 40 days ago; the service allows 28.
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0201');
	await waitForOfflineReady(page);
	await context.setOffline(true);

	await openInApp(page, '/cases/demo-case-0201/meetings');
	await expect(page.getByRole('heading', { name: 'Meeting preparation' })).toBeVisible();
	await expect(page.getByTestId('no-meetings')).toBeVisible();

	const parties = page.getByRole('group', { name: 'Who is meeting' });
	await parties.getByLabel('Robin Demo (fictional)').check();
	await parties.getByLabel('Casey Demo (fictional)').check();
	await page.getByRole('group', { name: 'Supporters attending' }).getByLabel('Jamie Demo (fictional)').check();
	const checks = page.getByTestId('attendee-checks');
	const checkOf = (name: string) => checks.getByRole('listitem').filter({ hasText: name });
	await expect(checkOf('Robin Demo')).toContainText('Robin Demo (fictional) (harmed person): ready');
	await expect(checkOf('Casey Demo')).toContainText('Casey Demo (fictional) (person responsible): not ready');
	await expect(checkOf('Casey Demo')).toContainText(STALE);
	await expect(checkOf('Jamie Demo')).toContainText('Jamie Demo (fictional) (supporter): not ready');
	await expect(checkOf('Jamie Demo')).toContainText('Complete a risk assessment for the supporter before the meeting');
	await page.getByRole('group', { name: 'Supporters attending' }).getByLabel('Jamie Demo (fictional)').uncheck();

	await page.getByLabel('Ground rules agreed with everyone attending').check();
	await page.getByRole('group', { name: 'Venue' }).getByLabel('Prison visits hall').check();
	await page.getByLabel('Name of the venue or room').fill('Legal visits room 2');
	await page.getByRole('group', { name: 'Establishment' }).getByLabel('HMP Demo Ridge (fictional)').check();
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Date', { exact: true }).fill(tomorrow);
	await page.getByLabel('Time', { exact: true }).fill('10:30');
	await expect(page.getByTestId('gate-now')).toContainText(STALE);
	expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

	await page.getByRole('button', { name: 'Schedule the meeting' }).click();
	const refused = page.getByTestId('refused-reasons');
	await expect(refused).toContainText('This meeting cannot be scheduled');
	await expect(refused.getByRole('listitem')).toHaveText([STALE]);
	await expect(page.getByTestId('gate-now')).toBeFocused();
	// Refused means nothing was written: no meeting listed, nothing waiting to sync.
	await expect(page.getByTestId('no-meetings')).toBeVisible();
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0);
	await expect(page.getByTestId('scheduled')).toHaveCount(0);
});

test('an incomplete meeting form names each missing field and saves nothing', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0201');
	await openInApp(page, '/cases/demo-case-0201/meetings');
	await page.getByRole('button', { name: 'Schedule the meeting' }).click();
	await expect(page.getByText('Choose the people meeting')).toBeVisible();
	await expect(page.getByText('Choose the kind of venue')).toBeVisible();
	await expect(page.getByText('Enter a date and time', { exact: true })).toBeVisible();
	await expect(page.getByTestId('no-meetings')).toBeVisible();
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0);
	await page.setViewportSize({ width: 1024, height: 768 });
	expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
