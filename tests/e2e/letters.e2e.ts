import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openInApp } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, waitForOfflineReady } from './support/sign-in.js';

const TABLET = { width: 768, height: 1024 };
const LETTERS = '/cases/demo-case-0201/letters';
const WORDS = 'I have thought about what happened every day. I am sorry for the fear I caused you.';

async function tabletFor(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext({ viewport: TABLET });
	const page = await context.newPage();
	await signIn(page, username, passwordOf(username));
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0201');
	return page;
}

async function seriousViolations(page: Page) {
	return (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Reconnecting starts a sync round; wait until nothing is left to send. */
async function syncByReconnecting(page: Page): Promise<void> {
	await page.context().setOffline(true);
	await expect(page.getByTestId('sync-status')).toContainText('Offline');
	await page.context().setOffline(false);
	await expect(page.getByTestId('sync-status')).toContainText('last synced just now');
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0);
}

test('a letter is drafted and put up for review offline, reviewed by the co-facilitator, and marked sent offline', async ({ browser }) => {
	// Two tablets, each signing in and syncing several times.
	test.setTimeout(180_000);
	const facilitator = await tabletFor(browser, 'facilitator');
	await waitForOfflineReady(facilitator);
	await facilitator.context().setOffline(true);

	await openInApp(facilitator, LETTERS);
	await expect(facilitator.getByRole('heading', { name: 'Letters', exact: true })).toBeVisible();
	expect(await seriousViolations(facilitator)).toEqual([]);

	await facilitator.getByRole('button', { name: 'Write a new letter' }).click();
	await expect(facilitator.getByRole('heading', { name: 'New letter' })).toBeVisible();
	await facilitator.getByRole('group', { name: 'Who is writing?' }).getByLabel('Casey Demo (fictional)').check();
	await facilitator.getByRole('group', { name: 'Who is it to?' }).getByLabel('Robin Demo (fictional)').check();
	await facilitator.getByLabel('The letter').pressSequentially(WORDS, { delay: 5 });
	// Nothing was pressed: the words were saved because the person stopped typing.
	await expect(facilitator.getByTestId('save-status')).toHaveText('Saved on this tablet');
	await expect(facilitator.getByTestId('letter-status')).toHaveText('Draft');
	expect(await seriousViolations(facilitator)).toEqual([]);

	await facilitator.getByRole('button', { name: 'Ask my co-facilitator to review' }).click();
	await expect(facilitator.getByTestId('letter-status')).toHaveText('Draft, waiting for your co-facilitator to review');
	await expect(facilitator.getByRole('button', { name: 'Mark as sent' })).toHaveCount(0);
	await expect(facilitator.getByTestId('sync-waiting')).toContainText('not synced');

	await facilitator.context().setOffline(false);
	await expect(facilitator.getByTestId('sync-waiting')).toHaveCount(0);

	const coFacilitator = await tabletFor(browser, 'cofacilitator');
	await openInApp(coFacilitator, LETTERS);
	const listed = coFacilitator.getByTestId('letter-list').getByRole('listitem').filter({ hasText: WORDS.slice(0, 40) });
	await expect(listed).toContainText('Draft, waiting for your review');
	await listed.getByRole('link', { name: 'From Casey Demo (fictional) to Robin Demo (fictional)' }).click();
	await expect(coFacilitator.getByLabel('The letter')).toHaveValue(WORDS);
	await coFacilitator.getByLabel('Review note (optional)').fill('Nothing identifying; fine to send.');
	await coFacilitator.getByRole('button', { name: 'Record my review' }).click();
	await expect(coFacilitator.getByTestId('letter-status')).toHaveText('Reviewed by you, ready to send');
	await expect(coFacilitator.getByTestId('sync-waiting')).toHaveCount(0);

	await syncByReconnecting(facilitator);
	await expect(facilitator.getByTestId('letter-status')).toHaveText('Reviewed by your co-facilitator, ready to send');
	await expect(facilitator.getByText('Review note: Nothing identifying; fine to send.')).toBeVisible();

	await facilitator.context().setOffline(true);
	await facilitator.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(facilitator.getByTestId('letter-status')).toHaveText(/^Sent on /);
	await expect(facilitator.getByLabel('The letter')).toHaveAttribute('readonly', '');
	await expect(facilitator.getByText('There is nothing more to do on this letter.')).toBeVisible();
	await facilitator.context().setOffline(false);
	await expect(facilitator.getByTestId('sync-waiting')).toHaveCount(0);

	// The server has it: the co-facilitator's tablet learns of the sending at its next sync.
	await syncByReconnecting(coFacilitator);
	await expect(coFacilitator.getByTestId('letter-status')).toHaveText(/^Sent on /);
});

test('the author cannot review their own letter, and a letter with no words is not saved', async ({ browser }) => {
	const facilitator = await tabletFor(browser, 'facilitator');
	await openInApp(facilitator, LETTERS);
	await facilitator.getByRole('button', { name: 'Write a new letter' }).click();
	await facilitator.getByLabel('The letter').pressSequentially('Hello', { delay: 5 });
	await expect(facilitator.getByText('Choose who is writing the letter').first()).toBeVisible();
	await facilitator.getByRole('group', { name: 'Who is writing?' }).getByLabel('Robin Demo (fictional)').check();
	await facilitator.getByLabel('The letter').fill('   ');
	await facilitator.getByLabel('The letter').press('Space');
	await expect(facilitator.getByTestId('save-status')).toHaveText('Not saved: Write the letter');
	await expect(facilitator.getByLabel('The letter')).toHaveAttribute('aria-invalid', 'true');
	await facilitator.getByLabel('The letter').fill('A letter I may never send.');
	await facilitator.getByLabel('The letter').press('End');
	await facilitator.getByLabel('The letter').pressSequentially(' Still.', { delay: 5 });
	await expect(facilitator.getByTestId('save-status')).toHaveText('Saved on this tablet');
	await expect(facilitator.getByRole('button', { name: 'Record my review' })).toHaveCount(0);
	await facilitator.getByRole('button', { name: 'Keep it, not sent' }).click();
	await expect(facilitator.getByTestId('letter-status')).toHaveText('Kept and not sent');
});
