import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newestTemplate } from './support/office-api.js';
import { pdfPages } from './support/pdf-text.js';
import { passwordOf } from './support/server-state.js';
import { signIn, waitForOfflineReady } from './support/sign-in.js';
import { waitForSync } from './support/open-in-app.js';

// RJ-2026-0103: Alex is held at HMP Eastfield, whose tablet authorisation lapsed a fortnight ago
// (demo seed); a paper pack printed ten days ago is still out.
const CASE = 'RJ-2026-0103';
const SURNAMES = ['Placeholder', 'Invented'];
const collapse = (text: string) => text.replace(/\s+/g, ' ');

async function expectNothingSerious(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

test('where tablets are not allowed, the facilitator prints a paper pack offline and types it up afterwards', async ({ page, context }) => {
	test.setTimeout(240_000);
	// The current version, as the server holds it now: another browser test publishes a new one.
	const template = await newestTemplate('default-risk-checklist');
	const questions = template.sections.flatMap((s) => s.questions.map((q) => q.text));
	await page.setViewportSize({ width: 768, height: 1024 });
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await waitForSync(page);
	await waitForOfflineReady(page);
	const row = page.getByTestId(`case-${CASE}`);
	await expect(row.getByTestId('paper-reminder')).toContainText('is not yet recorded as destroyed or filed');

	// Preparing the visit with no signal: the case screen says the tablet cannot go in.
	await context.setOffline(true);
	await row.getByRole('link', { name: new RegExp(CASE) }).click();
	await expect(page.getByRole('heading', { name: `Case ${CASE}` })).toBeVisible();
	await expect(page.getByTestId('visit-authorisation')).toContainText(/HMP Eastfield \(fictional\).*Tablets are not allowed in: the authorisation ended on/);
	await page.getByRole('link', { name: 'Prepare a paper pack' }).click();
	await expect(page.getByRole('heading', { name: 'Paper pack', exact: true })).toBeVisible();
	const before = await page.getByTestId('pack-list').getByRole('listitem').count();
	await expectNothingSerious(page);
	await page.getByRole('button', { name: 'Print a paper pack' }).click();
	await expect(page.getByTestId('paper-pack-document')).toBeVisible();
	await expect(page.getByRole('heading', { name: new RegExp(`Risk checklist: .* \\(version ${template.version}\\)`) })).toBeVisible();

	// The printed pages: every question of the current checklist, and the reference on every page, never a surname.
	const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
	expect(pages.length).toBeGreaterThanOrEqual(4);
	const all = collapse(pages.map((p) => p.all).join(' '));
	for (const question of questions) expect(all).toContain(collapse(question));
	for (const [n, printed] of pages.entries()) {
		expect(printed.header, `page ${n + 1} header`).toContain(`Case ${CASE}`);
		expect(printed.header, `page ${n + 1} header`).toContain(`Risk checklist version ${template.version}`);
		expect(printed.footer, `page ${n + 1} footer`).toMatch(/Printed on .* by Demo Facilitator One \(fictional\)/);
		for (const surname of SURNAMES) expect(`${printed.header} ${printed.footer}`).not.toContain(surname);
	}
	for (const surname of SURNAMES) expect(all, 'the pack uses first names only').not.toContain(surname);
	expect(all).toContain('Contact record');
	expect(all).toContain('Consent form');
	expect(all).not.toContain('This device');

	// Back at the office: type the paper up, section by section.
	await page.getByRole('link', { name: /Case RJ-2026-0103|Paper pack/ }).first().click();
	const packs = page.getByTestId('pack-list').getByRole('listitem');
	await expect(packs).toHaveCount(before + 1);
	await packs.first().getByRole('link', { name: 'Type up from paper' }).click();
	await expect(page.getByRole('heading', { name: 'Type up a paper pack' })).toBeVisible();
	await page.getByRole('button', { name: 'Save from paper' }).click();
	await expect(page.getByText('Enter the date written on the paper').first()).toBeVisible();
	await expectNothingSerious(page);

	// Typed up the day after the visit, as usual: a paper contact dated today (at noon, no time
	// given) would be "later" than this morning's visits and change other tests' last establishment.
	const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA');
	await page.getByLabel('Date written on the paper').fill(yesterday);
	await page.getByRole('group', { name: 'Person the checklist is about' }).getByRole('radio', { name: /Alex/ }).check();
	const first = page.getByTestId(/^paper-question-/).first();
	await first.getByRole('radio', { name: 'No', exact: true }).check();
	await first.getByLabel('Notes (optional)').fill('Written on paper in the visits hall (e2e paper).');
	await page.getByRole('group', { name: 'Who was seen' }).getByRole('checkbox', { name: /Alex/ }).check();
	await page.getByLabel('Summary (optional)').fill('Visit on paper: Alex talked about the letter (e2e paper).');
	await page.getByRole('group', { name: 'Person who signed' }).getByRole('radio', { name: /Alex/ }).check();
	await page.getByRole('radio', { name: 'take part', exact: true }).check();
	await page.getByRole('radio', { name: 'Given', exact: true }).check();
	await page.getByRole('button', { name: 'Save from paper' }).click();
	await expect(page.getByTestId('transcribe-saved')).toHaveText('Saved from paper: risk checklist answers, contact record, consent decision.');

	// The case shows the typed records as from paper; the old pack is put away and its reminder goes.
	await page.getByRole('link', { name: 'Paper packs' }).click();
	await page.getByTestId('pack-demo-paper-pack-0003').getByRole('button', { name: 'Record as destroyed' }).click();
	await expect(page.getByTestId('pack-demo-paper-pack-0003').getByTestId('pack-status')).toContainText('Destroyed');
	await page.getByRole('link', { name: `Case ${CASE}` }).click();
	const timeline = page.getByTestId('timeline');
	await expect(timeline.getByRole('listitem').filter({ hasText: 'Alex talked about the letter' })).toContainText('Typed from paper dated');
	await expect(timeline.getByRole('listitem').filter({ hasText: 'Risk assessment in progress' }).first()).toContainText('Typed from paper dated');
	await expect(page.getByTestId('paper-reminder')).toHaveCount(0);

	// Back in signal, the pack's record and the typed records go to the server like any change.
	await context.setOffline(false);
	await page.getByRole('link', { name: 'My cases' }).click();
	await expect(page.getByTestId(`case-${CASE}`).getByTestId('unsynced')).toHaveCount(0, { timeout: 30_000 });
	await expect(page.getByTestId(`case-${CASE}`).getByTestId('paper-reminder')).toHaveCount(0);
});
