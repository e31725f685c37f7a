import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { passwordOf } from './support/server-state.js';
import { signIn, unlock, waitForOfflineReady } from './support/sign-in.js';

test.use({ viewport: { width: 768, height: 1024 } });

/** Signs in as the demo facilitator and waits until the caseload's records are on the tablet. */
async function signInWithCaseload(page: Page): Promise<void> {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('case-RJ-2026-0102')).toContainText('Jo (harmed person)');
}

async function expectNoViolations(page: Page): Promise<void> {
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test('the Today list shows each case’s next step and flags an overdue risk review', async ({ page }) => {
	await signInWithCaseload(page);
	await expect(page.getByTestId('case-RJ-2026-0102')).toContainText('Next: Complete a risk assessment for the person responsible before indirect communication');
	await expect(page.getByTestId('case-RJ-2026-0103').getByTestId('overdue-review')).toHaveText(
		/Risk review overdue: The person responsible’s risk assessment is 40 days old/
	);
	await expect(page.getByTestId('case-RJ-2026-0102').getByTestId('overdue-review')).toHaveCount(0);
});

test('searching by name or reference narrows the list, on the tablet and offline', async ({ page, context }) => {
	await signInWithCaseload(page);
	await context.setOffline(true);
	const search = page.getByLabel('Find a case by reference or name');
	await search.fill('jordan');
	await expect(page.getByTestId('case-list').getByRole('listitem')).toHaveCount(1);
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0102');
	await search.fill('0104');
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0104');
	await expect(page.getByTestId('case-list').getByRole('listitem')).toHaveCount(1);
	await search.fill('nobody by this name');
	await expect(page.getByTestId('no-matches')).toBeVisible();
	await context.setOffline(false);
});

test('offline, a facilitator records a visit, writes a note whose draft survives a reload, and amends it', async ({ page, context }) => {
	await signInWithCaseload(page);
	await waitForOfflineReady(page);
	await context.setOffline(true);

	await page.getByRole('link', { name: /RJ-2026-0102/ }).click();
	await expect(page.getByRole('heading', { name: 'Case RJ-2026-0102' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Casey/ })).toBeVisible();
	await expect(page.getByText('Do not leave a voicemail').first()).toBeVisible();
	await expect(page.getByTestId('next-step')).toHaveText('Complete a risk assessment for the person responsible before indirect communication');

	// A visit: the form starts at the facilitator's last establishment, now, "went ahead".
	await page.getByRole('link', { name: /Record a contact or visit/ }).click();
	await expect(page.getByLabel('Where', { exact: true })).toHaveValue('demo-establishment-0001');
	await page.getByRole('button', { name: 'Save contact' }).click();
	await expect(page.getByTestId('form-problems')).toContainText('Choose who the contact was with');
	await expect(page.getByRole('group', { name: 'Who was it with' })).toContainText('Choose who the contact was with');
	await page.getByRole('checkbox', { name: /Casey/ }).check();
	await page.getByLabel('Summary (optional)').fill('Talked through the ground rules for a meeting (e2e).');
	await page.getByRole('button', { name: 'Save contact' }).click();
	await expect(page.getByRole('heading', { name: 'Case RJ-2026-0102' })).toBeVisible();
	await expect(page.getByTestId('timeline')).toContainText('Talked through the ground rules for a meeting (e2e).');
	await expect(page.getByTestId('unsynced')).toHaveText(/1 change not synced yet/);

	// A note: typed, autosaved as a sealed draft, and still there after the tab reloads.
	await page.getByRole('link', { name: /Case notes/ }).click();
	await page.getByLabel('Note', { exact: true }).fill('Casey wants to write a letter first (e2e).');
	await page.getByRole('checkbox', { name: /Casey/ }).check();
	await expect(page.getByTestId('draft-status')).toContainText('Draft saved on this tablet');
	await page.reload();
	await unlock(page);
	await page.getByRole('link', { name: /RJ-2026-0102/ }).click();
	await page.getByRole('link', { name: /Case notes/ }).click();
	await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Casey wants to write a letter first (e2e).');
	await expect(page.getByRole('checkbox', { name: /Casey/ })).toBeChecked();
	await expect(page.getByTestId('draft-status')).toHaveText('Your unfinished note was kept on this tablet');
	await page.getByRole('button', { name: 'Save note' }).click();
	await expect(page.getByTestId('draft-status')).toHaveText('Note saved');
	await expect(page.getByLabel('Note', { exact: true })).toHaveValue('');
	const notes = page.getByTestId('notes');
	await expect(notes.getByRole('listitem').first()).toContainText('Casey wants to write a letter first (e2e).');

	// Amending keeps the original in view, marked as amended.
	await notes.getByRole('button', { name: /^Amend/ }).first().click();
	await expect(page.getByRole('heading', { name: 'Amend a note' })).toBeFocused();
	await page.getByRole('button', { name: 'Save amendment' }).click();
	await expect(page.getByText('Change the note before saving the amendment')).toBeVisible();
	await page.getByLabel('Note', { exact: true }).fill('Casey wants to write a letter first, with help from the co-facilitator (e2e).');
	await page.getByRole('button', { name: 'Save amendment' }).click();
	await expect(page.getByTestId('draft-status')).toHaveText('Amendment saved; the earlier text is kept');
	const amended = notes.getByRole('listitem').filter({ hasText: 'with help from the co-facilitator' }).first();
	await expect(amended.getByTestId('amended')).toBeVisible();
	await expect(amended.getByTestId('earlier-versions')).toContainText('Casey wants to write a letter first (e2e).');

	await page.getByRole('link', { name: /Case RJ-2026-0102/ }).click();
	await page.getByRole('link', { name: 'My cases' }).click();
	await expect(page.getByTestId('case-RJ-2026-0102').getByTestId('unsynced')).toHaveText(/3 changes not synced yet/);

	// Back in range, the changes go to the server and the marker clears.
	await context.setOffline(false);
	await expect(page.getByTestId('case-RJ-2026-0102').getByTestId('unsynced')).toHaveCount(0, { timeout: 20_000 });
});

test('the Today, case, contact and notes screens have no accessibility violations at tablet size', async ({ page }) => {
	await signInWithCaseload(page);
	await expectNoViolations(page);
	await page.getByRole('link', { name: /RJ-2026-0103/ }).click();
	await expect(page.getByRole('heading', { name: 'Case RJ-2026-0103' })).toBeVisible();
	await expect(page.getByTestId('overdue-review')).toBeVisible();
	await expectNoViolations(page);
	await page.getByRole('link', { name: /Record a contact or visit/ }).click();
	await page.getByRole('button', { name: 'Save contact' }).click();
	await expect(page.getByTestId('form-problems')).toBeVisible();
	await expectNoViolations(page);
	await page.getByRole('link', { name: /Case RJ-2026-0103/ }).click();
	await page.getByRole('link', { name: /Case notes/ }).click();
	await expect(page.getByRole('heading', { name: 'Write a note' })).toBeVisible();
	await expectNoViolations(page);
});
