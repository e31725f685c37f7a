import { expect, test } from '@playwright/test';
import { setIdleLockLimit } from './support/office-api.js';
import { addPendingChange } from './support/pending-change.js';
import { passwordOf } from './support/server-state.js';
import { PASSPHRASE, setPassphrase, signIn, signInHere, unlock } from './support/sign-in.js';

test('a weak passphrase is refused with a reason, and the cases stay closed', async ({ page }) => {
	await page.goto('/');
	await signInHere(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByRole('heading', { name: 'Set a passphrase for this tablet' })).toBeVisible();
	await page.getByLabel('Passphrase', { exact: true }).fill('password1234');
	await page.getByLabel('Type it again').fill('password1234');
	await page.getByRole('button', { name: 'Save passphrase' }).click();
	await expect(page.getByText('too close to a common password')).toBeVisible();
	await page.goto('/cases');
	await expect(page.getByRole('heading', { name: 'Set a passphrase for this tablet' })).toBeVisible();
	await setPassphrase(page);
});

test('locking hides the cases at once, and the passphrase brings them back', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0101');
	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	await expect(page.getByText('RJ-2026-0101')).toHaveCount(0);
	await expect(page.getByTestId('sync-status')).toBeVisible();
	await unlock(page);
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0101');
});

test('the app locks itself after the idle time chosen on the device page', async ({ page }) => {
	await page.clock.install();
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await page.getByRole('link', { name: 'This device' }).click();
	await page.getByLabel('Lock after this long without use').selectOption('1');
	await page.clock.fastForward('00:50');
	await expect(page.getByRole('heading', { name: 'This device' })).toBeVisible();
	await page.clock.fastForward('00:15');
	await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	await expect(page.getByTestId('storage')).toHaveCount(0);
});

test("the service's idle limit reaches the tablet: no longer time is offered, and the app locks at the limit", async ({ page }) => {
	const before = await setIdleLockLimit(2);
	try {
		await page.clock.install();
		await signIn(page, 'facilitator', passwordOf('facilitator'));
		await page.getByRole('link', { name: 'This device' }).click();
		await expect(page.getByTestId('lock-limit')).toHaveText('Your service lets a tablet stay unlocked for at most 2 minutes without use.');
		const choice = page.getByLabel('Lock after this long without use');
		await expect(choice.locator('option')).toHaveText(['1 minute', '2 minutes']);
		await expect(choice).toHaveValue('2');
		await page.clock.fastForward('01:50');
		await expect(page.getByRole('heading', { name: 'This device' })).toBeVisible();
		await page.clock.fastForward('00:15');
		await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	} finally {
		await setIdleLockLimit(before);
	}
});

test('a wrong passphrase says how many tries are left and how many unsynced changes a wipe would lose', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await addPendingChange(page);
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await expect(page.getByTestId('unlock-error')).toHaveText('That passphrase is not right.');
	await expect(page.getByTestId('unlock-warning')).toContainText('9 tries left');
	await expect(page.getByTestId('unlock-warning')).toContainText('1 change not yet synced would be lost');
	await unlock(page);
});

test('signing out with unsynced work asks first, and staying keeps the work', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await addPendingChange(page);
	await addPendingChange(page);
	await page.getByRole('button', { name: 'Sign out' }).click();
	const dialog = page.getByTestId('sign-out-dialog');
	await expect(dialog).toContainText('2 changes on this tablet have not reached the server yet');
	await dialog.getByRole('button', { name: 'Stay signed in' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0101');
	await page.getByRole('link', { name: 'This device' }).click();
	await expect(page.getByTestId('unsynced')).toHaveText('2');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await dialog.getByRole('button', { name: 'Sign out and erase them' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('two facilitators share a tablet, each with a vault only their own passphrase opens', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByRole('link', { name: 'Sign in as someone else' }).click();
	await signInHere(page, 'cofacilitator', passwordOf('cofacilitator'));
	await setPassphrase(page, 'lantern meadow quiet 7');
	await expect(page.getByText('Demo Facilitator Two (fictional)')).toBeVisible();
	await page.getByRole('button', { name: 'Lock' }).click();

	await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await expect(page.getByTestId('unlock-error')).toHaveText('That passphrase is not right.');

	await page.getByRole('button', { name: 'Unlock as Demo Facilitator One (fictional)' }).click();
	await unlock(page, PASSPHRASE);
	await expect(page.getByText('Demo Facilitator One (fictional)')).toBeVisible();
});

test('the device page says when the browser has not promised to keep the data, and how much space is used', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await page.getByRole('link', { name: 'This device' }).click();
	await expect(page.getByTestId('persisted')).toContainText('No. The browser may clear');
	await expect(page.getByTestId('estimate')).toContainText(/of about/);
	await expect(page.getByTestId('unsynced')).toHaveText('None');
});
