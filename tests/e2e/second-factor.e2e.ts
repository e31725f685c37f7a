import { expect, test } from '@playwright/test';
import { codeAt, fromBase32, stepAt } from '../../server/services/totp.js';
import { passwordOf } from './support/server-state.js';

/** Turns on the coordinator's second factor through the API, as they would from the office. */
async function enrolCoordinator(baseURL: string): Promise<string> {
	const signIn = await fetch(`${baseURL}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'coordinator', password: passwordOf('coordinator') })
	});
	const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const headers = { cookie, 'content-type': 'application/json', origin: baseURL };
	const begun = await fetch(`${baseURL}/api/session/second-factor`, { method: 'POST', headers: { cookie, origin: baseURL! } });
	expect(begun.status).toBe(201);
	const enrolment = (await begun.json()) as { secret: string };
	const now = Math.floor(Date.now() / 1000);
	const confirm = await fetch(`${baseURL}/api/session/second-factor/confirm`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ code: codeAt(fromBase32(enrolment.secret), stepAt(now)) })
	});
	expect(confirm.ok).toBe(true);
	return enrolment.secret;
}

test('a coordinator with a second factor is asked for the code after the password, and gets in with it', async ({ page, baseURL }) => {
	const secret = await enrolCoordinator(baseURL!);
	await page.goto('/sign-in');
	await page.getByLabel('Username').fill('coordinator');
	await page.getByLabel('Password').fill(passwordOf('coordinator'));
	await page.getByRole('button', { name: 'Sign in' }).click();

	const codeField = page.getByLabel('Code from your authenticator app');
	await expect(codeField).toBeVisible();
	await expect(page.getByTestId('sign-in-error')).toHaveCount(0);

	await codeField.fill('000000');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByTestId('sign-in-error')).toBeVisible();

	// The code of the next time step: the one used to confirm set-up can never be used again.
	await codeField.fill(codeAt(fromBase32(secret), stepAt(Math.floor(Date.now() / 1000)) + 1));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: /passphrase|My cases/i })).toBeVisible();
});
