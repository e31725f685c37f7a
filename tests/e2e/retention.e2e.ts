import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { MyCasesResponse } from '../../src/lib/protocol/cases.js';
import { addPerson } from './support/office-api.js';
import { openInApp } from './support/open-in-app.js';
import { firstAdminPassword } from './support/server-state.js';
import { signIn } from './support/sign-in.js';

const run = Date.now().toString(36);
const PASSWORD = 'a long test password 42';
const COORDINATOR = `coord-ret-${run}`;

test.beforeAll(async () => {
	await addPerson(COORDINATOR, `Coordinator ${run}`, 'coordinator', PASSWORD);
});

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

test('an administrator is told which retention period is wrong, saves a right one, and sees what is due to go', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'admin', firstAdminPassword());
	await openInApp(page, '/office/settings/retention');
	await expect(page.getByRole('heading', { level: 1, name: 'How long records are kept' })).toBeVisible({ timeout: 30_000 });
	await page.getByLabel('Feedback: months to keep').fill('0');
	await page.getByRole('button', { name: 'Save the periods' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Keep it for at least 1 month');
	await expect(page.getByLabel('Feedback: months to keep')).toHaveAttribute('aria-invalid', 'true');
	expect(((await (await page.request.get('/api/settings/retention')).json()) as { policy: { feedbackMonths: number } }).policy.feedbackMonths).not.toBe(0);
	await axe(page);

	await page.getByLabel('Feedback: months to keep').fill('30');
	await page.getByRole('button', { name: 'Save the periods' }).click();
	await expect(page.getByTestId('retention-saved')).toContainText('Saved');
	expect(((await (await page.request.get('/api/settings/retention')).json()) as { policy: { feedbackMonths: number } }).policy.feedbackMonths).toBe(30);

	await page.getByRole('link', { name: 'See what would be removed now' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Retention: what is due to go' })).toBeVisible();
	await expect(page.getByTestId('retention-due').or(page.getByTestId('retention-nothing-due'))).toBeVisible({ timeout: 30_000 });
	await axe(page);
});

test('a coordinator opens a participant from the case and is told a correction needs a reason, with nothing changed', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, COORDINATOR, PASSWORD);
	const cases = (await (await page.request.get('/api/cases')).json()) as MyCasesResponse;
	const first = cases.cases.find((c) => c.reference === 'RJ-2026-0101')!;
	await openInApp(page, `/office/cases/${first.id}`);
	await page.getByRole('link', { name: 'Correct or erase a participant’s details' }).click();
	await expect(page.getByTestId('participant-list')).toBeVisible({ timeout: 30_000 });
	await axe(page);
	await page.getByTestId('participant-list').getByRole('link').first().click();
	await expect(page.getByRole('heading', { name: 'Correct their details' })).toBeVisible({ timeout: 30_000 });
	const before = await page.getByLabel('Language they prefer').inputValue();
	await page.getByLabel('Language they prefer').fill(`${before} and Welsh`);
	await page.getByRole('button', { name: 'Save the corrected details' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Say why the details are being corrected');
	const [, , , caseId, , participantId] = new URL(page.url()).pathname.split('/');
	const held = (await (await page.request.get(`/api/cases/${caseId}/participants/${participantId}`)).json()) as { participant: { language: string } };
	expect(held.participant.language).toBe(before);
	await page.getByTestId('erase-start').click();
	await expect(page.getByLabel(/Type the case reference \(RJ-2026-0101\) to confirm/)).toBeVisible();
	await axe(page);
});
