import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openInApp, waitForSync } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { signIn, unlock, waitForOfflineReady } from './support/sign-in.js';

const LIST = '/cases/demo-case-0002/checklist';
const PERSON = 'Casey (person responsible)';

test.use({ viewport: { width: 768, height: 1024 } });

async function expectNoSeriousViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

/** Answers every unanswered question of the section on screen; a concern gets a mitigation. */
async function answerSection(page: Page): Promise<void> {
	const questions = page.locator('[data-testid^="question-"]');
	const count = await questions.count();
	for (let i = 0; i < count; i++) {
		const question = questions.nth(i);
		if ((await question.getByRole('radio', { checked: true }).count()) > 0) continue;
		await question.getByRole('radio', { name: 'Yes', exact: true }).check();
		if (await question.getByText('Concern: say how the risk will be reduced').isVisible()) {
			await question.getByLabel('How the risk will be reduced').fill('Discussed with the offender manager; a second facilitator present');
		}
	}
	await expect(page.getByTestId('save-status')).toHaveText('Saved on this device.');
}

test('a facilitator runs a risk checklist offline, pauses and resumes it, decides "proceed", and the co-facilitator reviews it', async ({ page, context, browser }) => {
	test.setTimeout(180_000);
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await waitForSync(page);
	await waitForOfflineReady(page);
	await context.setOffline(true);

	await openInApp(page, LIST);
	await expect(page.getByRole('heading', { name: /Risk assessments · RJ-2026-0102/ })).toBeVisible();
	// The demo seeds a completed assessment for Jo; none for Casey yet.
	await expect(page.getByTestId('assessment-list')).toContainText('Jo (harmed person)');
	await expect(page.getByRole('link', { name: `Open the assessment for ${PERSON}` })).toHaveCount(0);
	await expectNoSeriousViolations(page);
	await page.getByRole('button', { name: 'Start the checklist' }).click();
	await expect(page.getByText('Choose who the checklist is about')).toBeVisible();
	await page.getByRole('radio', { name: PERSON }).check();
	await page.getByRole('button', { name: 'Start the checklist' }).click();

	await expect(page.getByRole('heading', { name: `Risk checklist: ${PERSON}` })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Basics of the offence and the relationship' })).toBeVisible();
	await expect(page.getByTestId('checklist-progress')).toContainText('0 of 30 questions answered');
	const firstLeft = await page.getByTestId('required-left').textContent();
	const first = page.getByTestId('question-basics.offence');
	await first.getByRole('radio', { name: 'No', exact: true }).check();
	await first.getByLabel('What was said or seen').fill('Says it was a burglary and he regrets it');
	await first.getByLabel('Source of the information').fill('Visit at HMP Example');
	await expect(page.getByTestId('save-status')).toHaveText('Saved on this device.');
	await expect(page.getByTestId('required-left')).not.toHaveText(firstLeft ?? '');
	await expectNoSeriousViolations(page);
	await answerSection(page);
	await page.getByRole('button', { name: 'Next section' }).click();
	await expect(page.getByRole('heading', { name: /The person responsible: acknowledgement/ })).toBeFocused();
	await answerSection(page);

	// Pause, then close and reopen the app: the vault locks, and every answer is still there.
	await page.getByRole('button', { name: 'Pause and come back later' }).click();
	await expect(page.getByTestId('assessment-list')).toContainText('In progress');
	await expect(page.getByTestId('assessment-list')).toContainText('10 of 30 answered');
	await page.reload();
	await unlock(page);
	await openInApp(page, LIST);
	await page.getByRole('link', { name: `Resume the checklist for ${PERSON}` }).click();
	await expect(page.getByRole('heading', { name: /Wellbeing/ })).toBeVisible();
	await expect(page.getByTestId('checklist-progress')).toContainText('10 of 30 questions answered');
	await page.getByRole('button', { name: /^1\. Basics/ }).click();
	await expect(page.getByTestId('question-basics.offence').getByLabel('What was said or seen')).toHaveValue('Says it was a burglary and he regrets it');
	await expect(page.getByTestId('question-basics.offence').getByRole('radio', { name: 'No', exact: true })).toBeChecked();

	for (const title of [/Wellbeing/, /Safety/, /conditions/i, /partner/i]) {
		await page.getByRole('button', { name: title }).first().click();
		await answerSection(page);
	}
	await page.getByRole('button', { name: /^Decision/ }).click();
	await expect(page.getByTestId('required-left')).toHaveText('No required questions left');
	await expectNoSeriousViolations(page);

	// Bad input: no decision chosen and no reasons. Named beside the fields; nothing completes.
	await page.getByRole('button', { name: 'Complete the assessment' }).click();
	await expect(page.getByText('Choose proceed, indirect only, pause or not suitable')).toBeVisible();
	await expect(page.getByText('Give the reasons for the decision')).toBeVisible();
	await page.getByRole('radio', { name: 'Proceed to direct communication' }).check();
	await page.getByLabel('Reasons for the decision').fill('Acknowledges the harm; both want to meet; risks managed with two facilitators.');
	await page.getByRole('button', { name: 'Complete the assessment' }).click();
	await expect(page.getByRole('heading', { name: 'Decision: Proceed to direct communication' })).toBeVisible();
	await expect(page.getByTestId('assessment-decision')).toContainText('Decided by you');
	await expect(page.getByTestId('review-status')).toContainText('Not reviewed yet');
	await expectNoSeriousViolations(page);

	// Back online: the changes go to the server, and the co-facilitator sees and reviews them.
	await context.setOffline(false);
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0, { timeout: 30_000 });
	const coContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
	const co = await coContext.newPage();
	await signIn(co, 'cofacilitator', passwordOf('cofacilitator'));
	await waitForSync(co);
	await openInApp(co, LIST);
	await expect(co.getByTestId('assessment-list')).toContainText('Proceed to direct communication');
	await co.getByRole('link', { name: `Open the assessment for ${PERSON}` }).click();
	await expect(co.getByTestId('assessment-decision')).toContainText('Decided by the other facilitator');
	await co.getByRole('radio', { name: 'I agree with the decision' }).check();
	await co.getByRole('button', { name: 'Record my review' }).click();
	await expect(co.getByTestId('review-list')).toContainText('reviewed by you');
	await expect(co.getByTestId('sync-waiting')).toHaveCount(0, { timeout: 30_000 });
	await coContext.close();

	await page.reload();
	await unlock(page);
	await waitForSync(page);
	await openInApp(page, LIST);
	await expect(page.getByTestId('assessment-list')).toContainText('Reviewed by the co-facilitator.');
});
