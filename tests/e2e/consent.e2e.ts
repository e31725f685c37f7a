import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openInApp, waitForSync } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, waitForOfflineReady } from './support/sign-in.js';

const CONSENT = '/cases/demo-case-0001/consent';
const HARMED = 'consent-demo-case-0001-hp';
const RESPONSIBLE = 'consent-demo-pr-0001';

test.use({ viewport: { width: 768, height: 1024 } });

async function expectNoSeriousViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('a facilitator records consent and a withdrawal offline, and the server holds them once back online', async ({ page, context, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await waitForSync(page);
	await waitForOfflineReady(page);
	await context.setOffline(true);

	await openInApp(page, CONSENT);
	await expect(page.getByRole('heading', { name: /Consent and withdrawal · RJ-2026-0101/ })).toBeVisible();
	const harmed = page.getByTestId(HARMED);
	await expect(harmed.getByTestId('consent-row-take-part')).toContainText('Not asked yet');
	await expectNoSeriousViolations(page);

	await harmed.getByRole('button', { name: 'Record a decision for Avery' }).click();
	await harmed.getByRole('radio', { name: 'Take part', exact: true }).check();
	await harmed.getByRole('radio', { name: 'Given', exact: true }).check();
	await expectNoSeriousViolations(page);
	await harmed.getByRole('button', { name: 'Save decision' }).click();
	await expect(harmed.getByTestId('consent-row-take-part')).toContainText('Given');
	await expect(harmed.getByTestId('consent-row-take-part')).toContainText('you');

	// Bad input: sharing information with no agency named. Said beside the field; nothing saved.
	await harmed.getByRole('button', { name: 'Record a decision for Avery' }).click();
	await harmed.getByRole('radio', { name: 'Share information with named agencies', exact: true }).check();
	await harmed.getByRole('radio', { name: 'Given', exact: true }).check();
	await harmed.getByRole('button', { name: 'Save decision' }).click();
	await expect(harmed.getByText('Name the agencies information may be shared with')).toBeVisible();
	await expect(harmed.getByTestId('consent-row-share-information')).toContainText('Not asked yet');
	await harmed.getByLabel('Agencies it may be shared with').fill('Probation Service\nVictim services');
	await harmed.getByRole('button', { name: 'Save decision' }).click();
	await expect(harmed.getByTestId('consent-row-share-information')).toContainText('Given (Probation Service, Victim services)');

	const responsible = page.getByTestId(RESPONSIBLE);
	await responsible.getByRole('button', { name: 'Withdraw Robin from taking part' }).click();
	await expect(responsible.getByText('No reason is needed')).toBeVisible();
	await responsible.getByRole('button', { name: 'Yes, record the withdrawal' }).click();
	await expect(responsible.getByTestId('withdrawn')).toContainText('Withdrawn from taking part');
	await expect(responsible.getByTestId('consent-row-take-part')).toContainText('Withdrawn');
	await expect(page.getByTestId('pending-closure')).toContainText('The person responsible has withdrawn');
	await expectNoSeriousViolations(page);

	await context.setOffline(false);
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0, { timeout: 30_000 });
	const coContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
	const co = await coContext.newPage();
	await signIn(co, 'cofacilitator', passwordOf('cofacilitator'));
	await waitForSync(co);
	await openInApp(co, CONSENT);
	await expect(co.getByTestId(HARMED).getByTestId('consent-row-take-part')).toContainText('Given');
	await expect(co.getByTestId(HARMED).getByTestId('consent-row-take-part')).toContainText('the other facilitator');
	await expect(co.getByTestId(RESPONSIBLE).getByTestId('withdrawn')).toContainText('recorded by the other facilitator');
	await coContext.close();
});
