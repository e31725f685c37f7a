import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { exampleWith } from '../../src/lib/domain/record-fixtures.js';
import { openHarness } from './support/harness-page.js';
import { passwordOf } from './support/server-state.js';
import { PASSPHRASE, signIn, unlock } from './support/sign-in.js';

// The harness page is served by a route, which a service worker would bypass.
test.use({ serviceWorkers: 'block', viewport: { width: 768, height: 1024 } });

const CASE = 'demo-case-0003';

async function noSeriousViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

async function syncNow(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('sync-result')).toHaveText('Sync finished.', { timeout: 20_000 });
}

test('a change the server refused is shown plainly, can be copied, and goes only when the person confirms', async ({ page, context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await page.getByRole('link', { name: 'This device' }).click();
	await expect(page.getByTestId('no-refused')).toBeVisible();

	// A case note is written, synced, then edited: notes never change once written, so the server refuses the edit.
	const harness = await openHarness(context, baseURL!);
	const userId = await harness.evaluate((passphrase) => window.harness.unlockSignedIn(passphrase), PASSPHRASE);
	const note = exampleWith('case-note', (n) => ((n.id = 'note-refused-e2e'), (n.caseId = CASE), (n.createdBy = userId), (n.text = 'Met Sam in the visits hall.')));
	expect(await harness.evaluate(([u, n]) => window.harness.save(u as string, n).then((r) => r.ok), [userId, note] as const)).toBe(true);
	await syncNow(page);
	const edited = { ...note, text: 'Met Sam in the visits hall. He asked about a letter.' };
	expect(await harness.evaluate(([u, n]) => window.harness.save(u as string, n).then((r) => r.ok), [userId, edited] as const)).toBe(true);
	await syncNow(page);

	const refused = page.getByTestId('refused-change');
	await expect(refused).toHaveCount(1);
	await expect(refused.getByRole('heading')).toHaveText('A change to a case note: text');
	await expect(refused).toContainText('RJ-2026-0103');
	await expect(refused.getByTestId('refused-reason')).toContainText('cannot change once it is saved');
	await expect(refused.getByTestId('refused-text')).toHaveValue('Text: Met Sam in the visits hall. He asked about a letter.');
	await expect(page.getByTestId('sync-waiting')).toContainText('1 change refused');
	await noSeriousViolations(page);

	// Still there after another sync: a refused change is never dropped by itself.
	await syncNow(page);
	await expect(refused).toHaveCount(1);

	await refused.getByRole('button', { name: 'Copy the text' }).click();
	await expect(page.getByText('Copied. You can paste it where it belongs.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Text: Met Sam in the visits hall. He asked about a letter.');

	await refused.getByRole('button', { name: 'Discard this change…' }).click();
	const dialog = page.getByTestId('discard-dialog');
	await expect(dialog).toContainText('will be removed from this tablet for good');
	await noSeriousViolations(page);
	await dialog.getByRole('button', { name: 'Keep it' }).click();
	await expect(refused).toHaveCount(1);

	await refused.getByRole('button', { name: 'Discard this change…' }).click();
	await dialog.getByRole('button', { name: 'Discard the change' }).click();
	await expect(page.getByTestId('no-refused')).toBeVisible();
	await expect(page.getByTestId('unsynced')).toHaveText('None');
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0);
	expect(await harness.evaluate(([u]) => window.harness.get(u!, 'case:demo-case-0003:case-note:note-refused-e2e'), [userId])).toMatchObject({ text: 'Met Sam in the visits hall.' });
});

test('the device page shows sync status and last sync, syncs on request, and from it locking is at once and signing out with unsynced work asks first', async ({ page, context, baseURL }) => {
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await page.getByRole('link', { name: 'This device' }).click();
	await syncNow(page);
	await expect(page.getByTestId('sync-state')).toHaveText('Up to date with the server at the last sync.');
	await expect(page.getByTestId('last-synced')).toContainText('(just now)');
	await expect(page.getByTestId('no-decisions')).toBeVisible();
	await expect(page.getByTestId('persisted')).not.toHaveText('Checking…');
	await expect(page.getByTestId('estimate')).toContainText(/of about/);
	await noSeriousViolations(page);

	const h = await openHarness(context, baseURL!);
	const userId = await h.evaluate((passphrase) => window.harness.unlockSignedIn(passphrase), PASSPHRASE);
	await context.setOffline(true);
	await expect(page.getByTestId('sync-state')).toContainText('Offline. Changes are kept on this tablet');
	await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
	await h.evaluate(([u]) => window.harness.save(u!, window.harness.exampleWith('case-note', (n) => ((n.id = 'note-unsynced-e2e'), (n.caseId = 'demo-case-0003'), (n.createdBy = u!)))), [userId]);
	await expect(page.getByTestId('unsynced')).toHaveText('1');

	await page.getByRole('button', { name: 'Sign out' }).click();
	const dialog = page.getByTestId('sign-out-dialog');
	await expect(dialog).toContainText('1 change on this tablet has not reached the server yet');
	await dialog.getByRole('button', { name: 'Stay signed in' }).click();
	await expect(page.getByTestId('unsynced')).toHaveText('1');

	// Back online (this test blocks the service worker, so the unlock page's code comes from the server).
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Lock', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	await expect(page.getByTestId('refused')).toHaveCount(0);
	await unlock(page);
});
