import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addPerson } from './support/office-api.js';
import { signIn } from './support/sign-in.js';

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
const run = Date.now().toString(36);
const PASSWORD = 'a long test password 42';
const COORDINATOR = `coord-${run}`;
const FACILITATORS = [
	{ username: `ann-${run}`, displayName: `Ann Office ${run}` },
	{ username: `bob-${run}`, displayName: `Bob Office ${run}` }
];

test.beforeAll(async () => {
	await addPerson(COORDINATOR, `Coordinator ${run}`, 'coordinator', PASSWORD);
	for (const person of FACILITATORS) await addPerson(person.username, person.displayName, 'facilitator', PASSWORD);
});

async function newPage(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

async function choose(page: Page, label: string, optionText: string) {
	const select = page.getByLabel(label, { exact: true });
	const value = await select.locator('option', { hasText: optionText }).getAttribute('value');
	await select.selectOption(value ?? '');
}

test('a self-referral becomes a case worked by two facilitators, whose tablets gain and lose it as it is allocated', async ({ browser }) => {
	// Four people in four browsers, three of them signing in and setting a passphrase.
	test.setTimeout(240_000);
	// A member of the public, not signed in, on a phone-sized screen.
	const publicPage = await newPage(browser);
	await publicPage.setViewportSize({ width: 390, height: 844 });
	await publicPage.goto('/refer');
	await expect(publicPage.getByRole('heading', { name: 'Refer yourself for restorative justice' })).toBeVisible();
	await expect(publicPage.getByText('It is voluntary.')).toBeVisible();
	await axe(publicPage);
	await publicPage.getByLabel('I was harmed by a crime').check();
	await publicPage.getByLabel('Your name').fill(`Sam Public ${run}`);
	await publicPage.getByLabel('In a few words, what happened?').fill('Someone broke into my flat last spring.');
	await publicPage.getByLabel('I agree that the service may contact me').check();
	await publicPage.getByRole('button', { name: 'Send referral' }).click();

	const summary = publicPage.getByTestId('error-summary');
	await expect(summary).toContainText('Give an email address or a phone number so that the service can reach you');
	await expect(publicPage.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
	await expect(publicPage.getByLabel('Your name')).toHaveValue(`Sam Public ${run}`);
	await expect(publicPage.getByLabel('In a few words, what happened?')).toHaveValue('Someone broke into my flat last spring.');
	await axe(publicPage);
	await publicPage.getByLabel('Phone number').fill('07700 900123');
	await publicPage.getByRole('button', { name: 'Send referral' }).click();
	await expect(publicPage.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
	const reference = (await publicPage.getByTestId('referral-reference').textContent()) ?? '';
	expect(reference).toMatch(/^RF-/);
	await expect(publicPage.getByTestId('referral-receipt')).toContainText('A coordinator will read it');

	// The coordinator accepts it into a case.
	const office = await newPage(browser);
	await signIn(office, COORDINATOR, PASSWORD);
	await office.getByRole('link', { name: 'Office' }).click();
	await expect(office.getByRole('heading', { name: 'Referrals' })).toBeVisible();
	const card = office.getByRole('listitem').filter({ has: office.getByRole('heading', { name: reference }) });
	await expect(card).toContainText('Someone broke into my flat last spring.');
	await axe(office);
	await card.getByLabel('Justice stage').selectOption('custodial-sentence');
	await card.getByRole('button', { name: 'Accept into a case' }).click();
	const done = office.getByTestId('inbox-done');
	await expect(done).toContainText(`${reference} is now case RJ-`);
	const caseReference = /case (RJ-\d{4}-\d{4})/.exec((await done.textContent()) ?? '')?.[1] ?? '';

	// And assigns two facilitators; fewer than two is warned about while choosing.
	await done.getByRole('link', { name: 'Assign facilitators' }).click();
	await expect(office.getByRole('heading', { name: `Allocate ${caseReference}` })).toBeVisible();
	await expect(office.getByTestId('allocation-warnings')).toContainText('No facilitator is assigned');
	await choose(office, 'First facilitator', FACILITATORS[0]!.displayName);
	await expect(office.getByTestId('allocation-warnings')).toContainText('Only one facilitator is assigned');
	await choose(office, 'Second facilitator', FACILITATORS[1]!.displayName);
	await expect(office.getByTestId('allocation-warnings')).toHaveCount(0);
	await axe(office);
	await office.getByRole('button', { name: 'Save facilitators' }).click();
	await expect(office.getByTestId('allocation-saved')).toHaveText('Saved.');

	// Each facilitator's tablet receives the case.
	const tablets: Page[] = [];
	for (const person of FACILITATORS) {
		const tablet = await newPage(browser);
		await signIn(tablet, person.username, PASSWORD);
		await expect(tablet.getByTestId('case-list')).toContainText(caseReference);
		tablets.push(tablet);
	}

	// Taking the second facilitator off removes it from their tablet at its next sync, and only theirs.
	await office.getByLabel('Second facilitator', { exact: true }).selectOption('');
	await office.getByRole('button', { name: 'Save facilitators' }).click();
	await expect(office.getByTestId('allocation-saved')).toContainText(`${FACILITATORS[1]!.displayName} no longer has this case`);
	for (const tablet of tablets) {
		await tablet.context().setOffline(true);
		await tablet.context().setOffline(false);
	}
	await expect(tablets[1]!.getByTestId('no-cases')).toBeVisible();
	await expect(tablets[1]!.getByText(caseReference)).toHaveCount(0);
	await expect(tablets[0]!.getByTestId('case-list')).toContainText(caseReference);

	// The office pages say plainly that they need a connection.
	await office.getByRole('link', { name: 'Allocation' }).click();
	await expect(office.getByTestId('allocation-list')).toContainText(caseReference);
	await office.context().setOffline(true);
	await expect(office.getByTestId('office-offline')).toContainText('work only online');
	await expect(office.getByTestId('allocation-list')).toHaveCount(0);
	await office.context().setOffline(false);
});

test('a feedback link works once, then says it has closed', async ({ browser }) => {
	test.setTimeout(120_000);
	const office = await newPage(browser);
	await signIn(office, COORDINATOR, PASSWORD);
	await office.getByRole('link', { name: 'Office' }).click();
	await office.getByRole('link', { name: 'Allocation' }).click();
	await expect(office.getByTestId('allocation-list')).toBeVisible();
	await axe(office);
	await office.getByRole('link', { name: 'RJ-2026-0104' }).click();
	await office.getByRole('button', { name: 'Make a feedback link' }).click();
	const url = new URL(await office.getByTestId('feedback-link').inputValue());

	const participant = await newPage(browser);
	await participant.setViewportSize({ width: 390, height: 844 });
	await participant.goto(url.pathname);
	await expect(participant.getByRole('heading', { name: 'Tell us how it went' })).toBeVisible();
	await expect(participant.getByText('They are anonymous')).toBeVisible();
	await axe(participant);
	await participant.getByRole('button', { name: 'Send feedback' }).click();
	await expect(participant.getByTestId('error-summary')).toContainText('Choose a score from 1 to 5');
	await participant.getByLabel('Satisfied', { exact: true }).check();
	await participant.getByLabel('Anything else you would like to tell us?').fill('The facilitators were patient.');
	await participant.getByRole('button', { name: 'Send feedback' }).click();
	await expect(participant.getByTestId('feedback-thanks')).toContainText('Thank you');

	await participant.goto(url.pathname);
	await expect(participant.getByTestId('feedback-closed')).toContainText('This feedback link has closed');
	await expect(participant.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);
	await axe(participant);
});

test('the professional referral form names each wrong field, keeps every answer, and has no serious accessibility problems', async ({ page }) => {
	await page.goto('/refer/professional');
	await expect(page.getByRole('heading', { name: 'Refer someone to restorative justice' })).toBeVisible();
	await axe(page);
	await page.getByLabel('Your name').fill('Alex Officer');
	await page.getByLabel('Organisation').fill('Probation, Example PDU');
	await page.getByLabel('Work email address').fill('not an email');
	await page.getByLabel('Risk information known to you').fill('No contact with the harmed person’s family.');
	await page.getByRole('button', { name: 'Send referral' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Enter an email address like name@example.org');
	await expect(page.getByLabel('Risk information known to you')).toHaveValue('No contact with the harmed person’s family.');
	await axe(page);
});
