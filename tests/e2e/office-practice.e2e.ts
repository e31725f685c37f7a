import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addDays, formatDay } from '../../src/lib/domain/calendar-day.js';
import type { PracticeOverviewResponse } from '../../src/lib/protocol/practice.js';
import { addPerson } from './support/office-api.js';
import { openInApp } from './support/open-in-app.js';
import { signIn } from './support/sign-in.js';
import { smallTouchTargets } from './support/touch-targets.js';

const run = Date.now().toString(36);
const PASSWORD = 'a long test password 42';
const COORDINATOR = `coord-prac-${run}`;
const FACILITATOR = `Pat Practice ${run}`;
const REPORTED = `Rae Report ${run}`;
// The service's calendar day, as the server reckons due dates.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const longAgo = addDays(today, -100);

test.use({ viewport: { width: 1024, height: 768 } });

test.beforeAll(async () => {
	await addPerson(COORDINATOR, `Coordinator ${run}`, 'coordinator', PASSWORD);
	await addPerson(`fac-prac-${run}`, FACILITATOR, 'facilitator', PASSWORD);
	await addPerson(`fac-rep-${run}`, REPORTED, 'facilitator', PASSWORD);
});

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
const practiceRowOf = (page: Page, name: string) => page.getByTestId('practice-list').getByRole('row', { name });
const practiceRow = (page: Page) => practiceRowOf(page, FACILITATOR);

async function openAllocation(page: Page) {
	await page.getByRole('navigation', { name: 'Office' }).getByRole('link', { name: 'Allocation' }).click();
	await page.getByTestId('allocation-list').getByRole('link', { name: 'RJ-2026-0101' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Allocate RJ-2026-0101' })).toBeVisible();
	// Chosen, not saved: the warning shows while choosing, and no demo case changes.
	await page.getByLabel('Second facilitator').selectOption({ label: `${FACILITATOR} (0 open cases)` });
}

test('a coordinator sees a facilitator overdue for supervision, is warned when allocating them, records a supervision and sees the flag clear', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, COORDINATOR, PASSWORD);
	await openInApp(page, '/office');
	await page.getByRole('navigation', { name: 'Office' }).getByRole('link', { name: 'Practice' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible();
	// A new starter has one interval before their first supervision.
	await expect(practiceRow(page)).toContainText(`Due by ${formatDay(addDays(today, 84))}`);

	// Their last supervision, typed in late, was 100 days ago: 12 weeks have passed.
	await practiceRow(page).getByRole('link', { name: FACILITATOR }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Practice record: ${FACILITATOR}` })).toBeVisible();
	await page.getByLabel('Date', { exact: true }).fill(longAgo);
	await page.getByLabel('Supervisor').fill('Sam Senior');
	await page.getByLabel('Cases discussed (optional)').fill('rj-2026-0101');
	await page.getByRole('button', { name: 'Add supervision session' }).click();
	await expect(page.getByTestId('practice-saved')).toHaveText('Supervision session saved.');
	await expect(page.getByTestId('supervision-due')).toHaveText(`Overdue since ${formatDay(addDays(longAgo, 84))}`);
	await expect(page.getByTestId('practice-entries')).toContainText('Cases discussed: RJ-2026-0101.');
	await axe(page);

	await page.getByRole('link', { name: 'All facilitators' }).click();
	await expect(practiceRow(page)).toContainText(`Overdue since ${formatDay(addDays(longAgo, 84))}`);
	await expect(page.getByTestId('practice-summary')).toContainText('overdue');
	await axe(page);

	await openAllocation(page);
	await expect(page.getByTestId('allocation-warnings')).toContainText(`${FACILITATOR} is overdue for supervision (due ${formatDay(addDays(longAgo, 84))}).`);

	// Bad input: the form names the field and nothing is added.
	await page.getByRole('navigation', { name: 'Office' }).getByRole('link', { name: 'Practice' }).click();
	await practiceRow(page).getByRole('link', { name: FACILITATOR }).click();
	await page.getByLabel('Date', { exact: true }).fill(today);
	await page.getByRole('button', { name: 'Add supervision session' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Enter who gave the supervision');
	await expect(page.getByLabel('Supervisor')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('practice-entries').getByRole('listitem')).toHaveCount(1);
	await axe(page);

	await page.getByLabel('Supervisor').fill('Sam Senior');
	await page.getByRole('button', { name: 'Add supervision session' }).click();
	await expect(page.getByTestId('supervision-due')).toHaveText(`Due by ${formatDay(addDays(today, 84))}`);
	await expect(page.getByTestId('practice-entries').getByRole('listitem')).toHaveCount(2);

	await page.getByRole('link', { name: 'All facilitators' }).click();
	await expect(practiceRow(page)).not.toContainText('Overdue');
	await openAllocation(page);
	await expect(page.getByText(`${FACILITATOR} is overdue`)).toHaveCount(0);
});

test('a coordinator reads the practice report for a period and finds its CSV', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, COORDINATOR, PASSWORD);
	// Two supervisions and a training day, recorded through the API with the coordinator's session.
	const overview = (await (await page.request.get('/api/practice')).json()) as PracticeOverviewResponse;
	const userId = overview.facilitators.find((f) => f.displayName === REPORTED)!.userId;
	for (const entry of [
		{ kind: 'supervision', date: addDays(today, -30), supervisor: 'Sam Senior', caseReferences: [], notes: '' },
		{ kind: 'supervision', date: today, supervisor: 'Sam Senior', caseReferences: [], notes: '' },
		{ kind: 'training', date: addDays(today, -10), title: 'Working with hate crime', hours: 2.5, provider: 'RJC' }
	])
		expect((await page.request.post(`/api/practice/${userId}/entries`, { data: entry })).status()).toBe(201);

	// Portrait tablet: every practice screen keeps its controls at 44px or more.
	await page.setViewportSize({ width: 768, height: 1024 });
	await openInApp(page, '/office/practice');
	await expect(practiceRowOf(page, REPORTED)).toContainText('Due by');
	expect(await smallTouchTargets(page)).toEqual([]);
	await practiceRowOf(page, REPORTED).getByRole('link', { name: REPORTED }).click();
	await expect(page.getByTestId('practice-entries').getByRole('listitem')).toHaveCount(3);
	expect(await smallTouchTargets(page)).toEqual([]);
	await page.getByRole('link', { name: 'All facilitators' }).click();
	// A coordinator reads the intervals the due dates follow; only an administrator changes them.
	await page.getByRole('link', { name: 'Supervision and observation intervals' }).click();
	await expect(page.getByLabel('Supervision every (weeks)')).toHaveValue('12');
	await expect(page.getByLabel('Supervision every (weeks)')).toBeDisabled();
	await expect(page.getByTestId('settings-read-only')).toHaveText('Only an administrator can change these.');
	await axe(page);
	expect(await smallTouchTargets(page)).toEqual([]);
	await page.getByRole('link', { name: 'Practice', exact: true }).first().click();
	await page.getByRole('link', { name: 'Practice report for the quality mark' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Practice report' })).toBeVisible();
	await expect(page.getByTestId('practice-report').getByRole('row', { name: REPORTED }).getByRole('cell')).toHaveText(['2', 'Yes', '2.5', '1']);
	await axe(page);

	await page.getByLabel('From').fill(today);
	await page.getByLabel('To').fill(addDays(today, -1));
	await page.getByRole('button', { name: 'Show the report' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('The period must end on or after the day it starts');

	await page.getByLabel('To').fill(today);
	await page.getByRole('button', { name: 'Show the report' }).click();
	const link = page.getByTestId('practice-report-csv');
	await expect(link).toHaveAttribute('href', `/api/practice/report.csv?from=${today}&to=${today}`);
	await expect(page.getByTestId('practice-report').getByRole('row', { name: REPORTED }).getByRole('cell')).toHaveText(['1', 'Yes', '0', '0']);
	const download = await page.request.get((await link.getAttribute('href'))!);
	expect(download.headers()['content-disposition']).toBe(`attachment; filename="tandem-practice-${today}-to-${today}.csv"`);
	expect(await download.text()).toContain(`${REPORTED},1,Yes,0,0`);
	await axe(page);
	expect(await smallTouchTargets(page)).toEqual([]);
});
