import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { firstAdminPassword, passwordOf } from './support/server-state.js';
import { setPassphrase, signIn, signInHere } from './support/sign-in.js';

test('the first administrator signs in with the password printed at first start', async ({ page }) => {
	await signIn(page, 'admin', firstAdminPassword());
	await expect(page.getByText('Administrator')).toBeVisible();
	await expect(page.getByTestId('no-cases')).toBeVisible();
});

test('a wrong password gets a plain message and leaves the person signed out', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill('facilitator');
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByTestId('sign-in-error')).toHaveText('The username or password is not right.');
	await page.goto('/cases');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('an empty form names the missing field', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('Enter your username').first()).toBeVisible();
	await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
});

test('signing out returns to the sign-in page and the cases are gone from the screen', async ({ page }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.goto('/cases');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the sign-in page and the cases page have no accessibility violations', async ({ page }) => {
	await page.goto('/sign-in');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('case-list')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('the passphrase, unlock and device pages have no accessibility violations', async ({ page }) => {
	await page.goto('/');
	await signInHere(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByRole('heading', { name: 'Set a passphrase for this tablet' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await setPassphrase(page);
	await page.getByRole('link', { name: 'This device' }).click();
	await expect(page.getByTestId('persisted')).not.toHaveText('Checking…');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await expect(page.getByTestId('unlock-warning')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
