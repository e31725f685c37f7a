import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, username: string, password: string): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
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
