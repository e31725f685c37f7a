import { expect, type Page } from '@playwright/test';

/** A passphrase the strength check accepts; each test's fresh browser has no vault yet. */
export const PASSPHRASE = 'copper kettle orbit 42';

/** Signs in online and sets the device passphrase, ending on "My cases". */
export async function signIn(page: Page, username: string, password: string, passphrase = PASSPHRASE): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await signInHere(page, username, password);
	await setPassphrase(page, passphrase);
}

export async function signInHere(page: Page, username: string, password: string): Promise<void> {
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function setPassphrase(page: Page, passphrase = PASSPHRASE): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Set a passphrase for this tablet' })).toBeVisible();
	await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await page.getByLabel('Type it again').fill(passphrase);
	await page.getByRole('button', { name: 'Save passphrase' }).click();
	await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
}

/** Enters the passphrase on the unlock page, ending on "My cases". */
export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
}

/** Resolves once the service worker controls the page, i.e. the shell is precached. */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
	});
}
