import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ReportResponse } from '../../src/lib/protocol/reports.js';
import { addPerson } from './support/office-api.js';
import { openInApp } from './support/open-in-app.js';
import { signIn } from './support/sign-in.js';

const run = Date.now().toString(36);
const PASSWORD = 'a long test password 42';
const COORDINATOR = `coord-rep-${run}`;

test.beforeAll(async () => {
	await addPerson(COORDINATOR, `Coordinator ${run}`, 'coordinator', PASSWORD);
});

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
const cell = (page: Page, table: string, row: string) => page.getByRole('table', { name: table }).getByRole('row', { name: row, exact: false }).getByRole('cell');

test('a coordinator reads the referral funnel and satisfaction, filters by source, and finds the CSV link', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, COORDINATOR, PASSWORD);
	await openInApp(page, '/office');
	await page.getByRole('navigation', { name: 'Office' }).getByRole('link', { name: 'Reports' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Referral funnel' })).toBeVisible();

	// The server's own figures, asked for with the coordinator's session, are the ones on screen.
	const all = (await (await page.request.get('/api/reports')).json()) as ReportResponse;
	expect(all.funnel.referred).toBeGreaterThan(0);
	await expect(cell(page, 'Cases reaching each stage', 'Referred')).toHaveText(String(all.funnel.referred));
	await expect(cell(page, 'Cases reaching each stage', 'Assessed')).toHaveText(String(all.funnel.assessed));
	await expect(cell(page, 'Cases reaching each stage', 'Closed')).toHaveText(String(all.funnel.closed));
	await expect(page.getByTestId('referral-summary')).toContainText(`${all.referrals.received} received`);
	await expect(page.getByTestId('funnel-chart').locator('svg rect')).toHaveCount(8);
	await axe(page);

	await page.getByLabel('Referral source').selectOption({ label: 'Self-referral' });
	await page.getByLabel('Referred up to').fill('2099-12-31');
	await page.getByRole('button', { name: 'Show the reports' }).click();
	await expect(page).toHaveURL(/\/office\/reports\?to=2099-12-31&source=self$/);
	const self = (await (await page.request.get('/api/reports?to=2099-12-31&source=self')).json()) as ReportResponse;
	await expect(cell(page, 'Cases reaching each stage', 'Referred')).toHaveText(String(self.funnel.referred));
	await expect(cell(page, 'Cases reaching each stage', 'Contacted')).toHaveText(String(self.funnel.contacted));

	const link = page.getByTestId('report-csv');
	await expect(link).toHaveAttribute('href', '/api/reports.csv?to=2099-12-31&source=self');
	const download = await page.request.get((await link.getAttribute('href'))!);
	expect(download.headers()['content-disposition']).toBe('attachment; filename="tandem-report-start-to-2099-12-31-self.csv"');
	expect(await download.text()).toContain(`Referral funnel,Referred,${self.funnel.referred}`);
	await axe(page);
});

test("a coordinator reads a case's feedback comments, named only where the participant gave their name", async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, COORDINATOR, PASSWORD);
	const comment = `Comment with a name ${run}`;
	// The participant uses their own browser; leaving the app in the coordinator's tab would lock it.
	const own = await browser.newContext();
	const participant = await own.newPage();
	for (const [name, text] of [['Robin Example', comment], ['', `Comment left anonymous ${run}`]]) {
		const link = (await (await page.request.post('/api/cases/demo-case-0003/feedback-links', { data: {} })).json()) as { path: string };
		await participant.goto(link.path);
		await expect(participant.getByRole('heading', { name: 'Tell us how it went' })).toBeVisible();
		await participant.getByLabel('Very satisfied', { exact: true }).check();
		await participant.getByLabel('Anything else you would like to tell us?').fill(text!);
		if (name) await participant.getByLabel('Your name (optional)').fill(name);
		await participant.getByRole('button', { name: 'Send feedback' }).click();
		await expect(participant.getByTestId('feedback-thanks')).toContainText('Thank you');
	}
	await axe(participant);
	await own.close();
	await openInApp(page, '/office/cases/demo-case-0003');
	const comments = page.getByTestId('feedback-comments');
	await expect(comments.getByRole('listitem').filter({ hasText: comment })).toContainText('Robin Example');
	await expect(comments.getByRole('listitem').filter({ hasText: `Comment left anonymous ${run}` })).toContainText('Anonymous');
	await axe(page);
});
