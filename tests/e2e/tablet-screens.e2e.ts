import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { openInApp, waitForSync } from './support/open-in-app.js';
import { passwordOf } from './support/server-state.js';
import { PASSPHRASE, setPassphrase, signInHere, unlock } from './support/sign-in.js';
import { smallTouchTargets } from './support/touch-targets.js';

// Every facilitator screen at both tablet sizes: axe finds nothing serious or critical, and every
// control is a 44px touch target. With UPDATE_SCREENSHOTS=1 it also rewrites docs/screenshots/.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const SIZES = [
	{ width: 768, height: 1024, shots: 'all' as const },
	{ width: 1024, height: 768, shots: ['today', 'case', 'risk-checklist-run', 'letter', 'meeting-preparation', 'device'] }
];

for (const size of SIZES) {
	const label = `${size.width}x${size.height}`;

	test(`every facilitator screen is accessible with 44px touch targets at ${label}`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		const problems: string[] = [];

		/** Checks the screen on view once `ready` shows; a problem is collected, not thrown, so one run lists them all. */
		async function screen(name: string, ready: Locator): Promise<void> {
			await expect(ready).toBeVisible();
			const { violations } = await new AxeBuilder({ page }).analyze();
			for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
				problems.push(`${name}: axe ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			}
			for (const small of await smallTouchTargets(page)) problems.push(`${name}: small touch target ${small}`);
			if (UPDATE && (size.shots === 'all' || size.shots.includes(name))) {
				await page.screenshot({ path: `docs/screenshots/${name}-${label}.png`, animations: 'disabled', caret: 'hide' });
			}
		}

		await page.goto('/');
		await screen('sign-in', page.getByRole('heading', { name: 'Sign in' }));
		await signInHere(page, 'facilitator', passwordOf('facilitator'));
		await expect(page.getByRole('heading', { name: 'Set a passphrase for this tablet' })).toBeVisible();
		await screen('set-passphrase', page.getByRole('heading', { name: 'Set a passphrase for this tablet' }));
		await setPassphrase(page, PASSPHRASE);
		await waitForSync(page);
		await expect(page.getByTestId('case-RJ-2026-0102')).toContainText('Jo (harmed person)');
		await screen('today', page.getByRole('heading', { name: 'My cases' }));

		await page.getByRole('link', { name: /RJ-2026-0102/ }).first().click();
		await screen('case', page.getByRole('heading', { name: 'Case RJ-2026-0102' }));
		await page.getByRole('link', { name: /Record a contact or visit/ }).click();
		await screen('record-a-contact', page.getByRole('heading', { name: 'Record a contact or visit' }));
		await page.getByRole('button', { name: 'Save contact' }).click();
		await expect(page.getByTestId('form-problems')).toBeVisible();
		await screen('record-a-contact-problems', page.getByRole('heading', { name: 'Record a contact or visit' }));
		await openInApp(page, '/cases/demo-case-0002/notes');
		await screen('case-notes', page.getByRole('heading', { name: 'Case notes' }));

		// RJ-2026-0104: a checklist for Taylor, started here (or resumed if an earlier size started it).
		await openInApp(page, '/cases/demo-case-0004/checklist');
		await screen('risk-checklists', page.getByRole('heading', { name: /Risk assessments/ }));
		const resume = page.getByRole('link', { name: 'Resume the checklist for Taylor (harmed person)' });
		if ((await resume.count()) > 0) {
			await resume.click();
		} else {
			await page.getByRole('radio', { name: 'Taylor (harmed person)' }).check();
			await page.getByRole('button', { name: 'Start the checklist' }).click();
		}
		const first = page.locator('[data-testid^="question-"]').first();
		const no = first.getByRole('radio', { name: 'No', exact: true });
		if (!(await no.isChecked())) {
			await no.check();
			await expect(page.getByTestId('save-status')).toHaveText('Saved on this device.');
		}
		await screen('risk-checklist-run', page.getByRole('heading', { name: 'Risk checklist: Taylor (harmed person)' }));

		await openInApp(page, '/cases/demo-case-0004/consent');
		await screen('consent', page.getByRole('heading', { name: /Consent and withdrawal/ }));
		await page.getByRole('button', { name: 'Record a decision for Taylor' }).click();
		await screen('consent-form', page.getByRole('button', { name: 'Save decision' }));

		await openInApp(page, '/cases/demo-case-0004/letters');
		await screen('letters', page.getByRole('heading', { name: 'Letters', exact: true }));
		await page.getByRole('button', { name: 'Write a new letter' }).click();
		await screen('letter', page.getByRole('heading', { name: 'New letter' }));

		// RJ-2026-0201 is prepared for a meeting but its person responsible's assessment is stale.
		await openInApp(page, '/cases/demo-case-0201/meetings');
		await expect(page.getByRole('heading', { name: 'Meeting preparation' })).toBeVisible();
		for (const who of [/^Robin Demo/, /^Casey Demo/, /^Jamie Demo/]) await page.getByRole('checkbox', { name: who }).check();
		await expect(page.getByText(/40 days old/).first()).toBeVisible();
		await screen('meeting-preparation', page.getByRole('heading', { name: 'Meeting preparation' }));

		await openInApp(page, '/cases/demo-case-0004/conflicts');
		await screen('conflicts', page.getByRole('heading', { name: /Decisions needed/ }));

		await page.getByRole('link', { name: 'This device' }).click();
		await screen('device', page.getByRole('heading', { name: 'This device' }));

		await page.getByRole('button', { name: 'Lock', exact: true }).click();
		await screen('unlock', page.getByRole('heading', { name: 'Unlock Tandem' }));
		await unlock(page);

		expect(problems).toEqual([]);
	});
}
