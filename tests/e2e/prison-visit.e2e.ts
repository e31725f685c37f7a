import { expect, test, type Page } from '@playwright/test';
import { waitForSync } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, unlock, waitForOfflineReady } from './support/sign-in.js';

// RJ-2026-0104: Jamie is in custody at HMP Northgate, no risk assessment yet (so none is stale),
// and no other browser test changes its casework.
const CASE = 'RJ-2026-0104';
const VISIT = 'Prison visit: Jamie talked about writing to Taylor (e2e visit).';
const NOTE = 'Jamie would like to write first and meet later (e2e visit).';
const AMENDED = 'Jamie would like to write first and meet later, with the chaplain as supporter (e2e visit).';
const LETTER = 'I want you to know I think about what I did to you, and I am sorry (e2e visit).';
const PERSON = 'Jamie (person responsible)';

async function openCase(page: Page): Promise<void> {
	await page.getByRole('link', { name: new RegExp(CASE) }).first().click();
	await expect(page.getByRole('heading', { name: `Case ${CASE}` })).toBeVisible();
}

async function backToCase(page: Page): Promise<void> {
	await page.getByRole('link', { name: new RegExp(`case ${CASE}`, 'i') }).first().click();
	await expect(page.getByRole('heading', { name: `Case ${CASE}` })).toBeVisible();
}

/** Answers every question of the section on screen "yes"; a concern gets a mitigation. */
async function answerSection(page: Page): Promise<void> {
	const questions = page.locator('[data-testid^="question-"]');
	const count = await questions.count();
	for (let i = 0; i < count; i++) {
		const question = questions.nth(i);
		await question.getByRole('radio', { name: 'Yes', exact: true }).check();
		if (await question.getByText('Concern: say how the risk will be reduced').isVisible()) {
			await question.getByLabel('How the risk will be reduced').fill('Offender manager consulted; two facilitators present');
		}
	}
	await expect(page.getByTestId('save-status')).toHaveText('Saved on this device.');
}

test('a facilitator does a whole prison visit offline after a cold start, and the co-facilitator sees every record', async ({ page: first, context, browser }) => {
	test.setTimeout(240_000);
	await first.setViewportSize({ width: 768, height: 1024 });

	// In the office, with signal: sign in, and the caseload comes to the tablet.
	await signIn(first, 'facilitator', passwordOf('facilitator'));
	await waitForSync(first);
	await expect(first.getByTestId(`case-${CASE}`)).toContainText('Taylor (harmed person)');
	await waitForOfflineReady(first);

	// In the visits hall: no signal, and the app is opened from cold.
	await context.setOffline(true);
	await first.close();
	const page = await context.newPage();
	await page.setViewportSize({ width: 768, height: 1024 });
	await page.goto('/');
	await unlock(page);
	await expect(page.getByTestId('sync-status')).toContainText('Offline');
	await openCase(page);

	await page.getByRole('link', { name: /Record a contact or visit/ }).click();
	await expect(page.getByLabel('Where', { exact: true })).toHaveValue('demo-establishment-0001');
	await page.getByRole('checkbox', { name: /Jamie/ }).check();
	await page.getByLabel('Summary (optional)').fill(VISIT);
	await page.getByRole('button', { name: 'Save contact' }).click();
	await expect(page.getByRole('heading', { name: `Case ${CASE}` })).toBeVisible();
	await expect(page.getByTestId('timeline')).toContainText(VISIT);

	await page.getByRole('link', { name: /Case notes/ }).click();
	await page.getByLabel('Note', { exact: true }).fill(NOTE);
	await page.getByRole('checkbox', { name: /Jamie/ }).check();
	await page.getByRole('button', { name: 'Save note' }).click();
	await expect(page.getByTestId('draft-status')).toHaveText('Note saved');
	const notes = page.getByTestId('notes');
	await notes.getByRole('listitem').filter({ hasText: NOTE }).getByRole('button', { name: /^Amend/ }).click();
	await page.getByLabel('Note', { exact: true }).fill(AMENDED);
	await page.getByRole('button', { name: 'Save amendment' }).click();
	await expect(page.getByTestId('draft-status')).toHaveText('Amendment saved; the earlier text is kept');
	const amended = notes.getByRole('listitem').filter({ hasText: AMENDED }).first();
	await expect(amended.getByTestId('earlier-versions')).toContainText(NOTE);
	await backToCase(page);

	await page.getByRole('link', { name: /Risk checklists/ }).click();
	await page.getByRole('radio', { name: PERSON }).check();
	await page.getByRole('button', { name: 'Start the checklist' }).click();
	await expect(page.getByRole('heading', { name: `Risk checklist: ${PERSON}` })).toBeVisible();
	for (let section = 0; section < 12; section++) {
		await answerSection(page);
		const next = page.getByRole('button', { name: 'Next section' });
		if ((await page.getByRole('button', { name: 'Complete the assessment' }).count()) > 0) break;
		await next.click();
	}
	await expect(page.getByTestId('required-left')).toHaveText('No required questions left');
	await page.getByRole('radio', { name: 'Proceed to direct communication' }).check();
	await page.getByLabel('Reasons for the decision').fill('Jamie acknowledges the harm; Taylor wants to hear from him (e2e visit).');
	await page.getByRole('button', { name: 'Complete the assessment' }).click();
	await expect(page.getByRole('heading', { name: 'Decision: Proceed to direct communication' })).toBeVisible();
	await backToCase(page);

	await page.getByRole('link', { name: /Consent and withdrawal/ }).click();
	await page.getByRole('button', { name: 'Record a decision for Jamie' }).click();
	await page.getByRole('radio', { name: 'Share the outcome with the other party', exact: true }).check();
	await page.getByRole('radio', { name: 'Given', exact: true }).check();
	await page.getByRole('button', { name: 'Save decision' }).click();
	await expect(page.getByTestId('consent-row-share-outcome').filter({ hasText: 'Given' })).toHaveCount(1);
	await backToCase(page);

	await page.getByRole('link', { name: /^Letters/ }).click();
	await page.getByRole('button', { name: 'Write a new letter' }).click();
	await page.getByRole('group', { name: 'Who is writing?' }).getByLabel(/Jamie/).check();
	await page.getByRole('group', { name: 'Who is it to?' }).getByLabel(/Taylor/).check();
	await page.getByLabel('The letter').pressSequentially(LETTER, { delay: 2 });
	await expect(page.getByTestId('save-status')).toHaveText('Saved on this tablet');
	await expect(page.getByTestId('letter-status')).toHaveText('Draft');

	// Lock and unlock: nothing is lost, and nothing has left the tablet yet.
	await page.getByRole('button', { name: 'Lock', exact: true }).click();
	await unlock(page);
	await expect(page.getByTestId(`case-${CASE}`).getByTestId('unsynced')).toHaveText(/not synced yet/);

	// Back in signal: everything goes to the server.
	await context.setOffline(false);
	await expect(page.getByTestId(`case-${CASE}`).getByTestId('unsynced')).toHaveCount(0, { timeout: 30_000 });

	// The co-facilitator's tablet pulls every record from the server and shows it.
	const coContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
	const co = await coContext.newPage();
	await signIn(co, 'cofacilitator', passwordOf('cofacilitator'));
	await waitForSync(co);
	await openCase(co);
	await expect(co.getByTestId('timeline')).toContainText(VISIT);
	await co.getByRole('link', { name: /Case notes/ }).click();
	const coNote = co.getByTestId('notes').getByRole('listitem').filter({ hasText: AMENDED }).first();
	await expect(coNote.getByTestId('amended')).toBeVisible();
	await expect(coNote.getByTestId('earlier-versions')).toContainText(NOTE);
	await backToCase(co);
	await co.getByRole('link', { name: /Risk checklists/ }).click();
	await expect(co.getByTestId('assessment-list')).toContainText('Proceed to direct communication');
	await backToCase(co);
	await co.getByRole('link', { name: /Consent and withdrawal/ }).click();
	await expect(co.getByTestId('consent-row-share-outcome').filter({ hasText: 'Given' })).toContainText('the other facilitator');
	await backToCase(co);
	await co.getByRole('link', { name: /^Letters/ }).click();
	await expect(co.getByTestId('letter-list')).toContainText(LETTER.slice(0, 40));
	await coContext.close();
});
