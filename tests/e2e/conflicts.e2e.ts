import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import { openHarness } from './support/harness-page.js';
import { officeDevice } from './support/office-device.js';
import { passwordOf } from './support/server-state.js';
import { PASSPHRASE, signIn } from './support/sign-in.js';

// The harness page is served by a route, which a service worker would bypass; this test is not about offline start.
test.use({ serviceWorkers: 'block', viewport: { width: 768, height: 1024 } });

const CASE = 'demo-case-0002';
const ID = 'participant-conflict-e2e';
const DOC = `case:${CASE}:participant:${ID}`;

test('an edit made offline meets the office edit of the same field: the facilitator sees both, chooses, and the server ends with the choice and no conflict', async ({ page, context, baseURL }) => {
	const office = await officeDevice(baseURL!);
	const created = await office.push(undefined, { ...exampleRecords.participant(), caseId: CASE, id: ID, preferredName: 'Sam', createdBy: office.userId });
	expect(created.status).toBe('applied');

	await signIn(page, 'facilitator', passwordOf('facilitator'));
	const harness = await openHarness(context, baseURL!);
	const userId = await harness.evaluate((passphrase) => window.harness.unlockSignedIn(passphrase), PASSPHRASE);
	await expect.poll(() => harness.evaluate(([u, d]) => window.harness.get(u!, d!), [userId, DOC]), { timeout: 20_000 }).toMatchObject({ preferredName: 'Sam' });

	// In the prison, with no network, the facilitator changes the preferred name.
	await context.setOffline(true);
	const saved = await harness.evaluate(async ([u, d]) => {
		const held = (await window.harness.get(u!, d!)) as Record<string, unknown>;
		return (await window.harness.save(u!, { ...held, preferredName: 'Sammy', updatedAt: new Date().toISOString() })).ok;
	}, [userId, DOC]);
	expect(saved).toBe(true);
	await expect(page.getByTestId('sync-waiting')).toContainText('1 change not synced');

	// Meanwhile the coordinator changes the same field in the office.
	const onServer = (await office.held(CASE, DOC))!;
	expect((await office.push(onServer.record, { ...onServer.record, preferredName: 'Samuel' }, onServer.rev)).status).toBe('applied');

	// Back in range: the tablet syncs by itself and keeps both values.
	await context.setOffline(false);
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0, { timeout: 20_000 });
	await expect.poll(async () => (await office.held(CASE, DOC))?.conflicts.length).toBe(1);

	await page.getByRole('link', { name: 'This device' }).click();
	await page.getByRole('link', { name: /RJ-2026-0102: 1 thing needs a decision/ }).click();
	await expect(page.getByRole('heading', { name: 'Decisions needed · RJ-2026-0102' })).toBeVisible();
	const card = page.getByTestId('conflict');
	await expect(card.getByRole('heading', { name: /Preferred name/ })).toContainText('person responsible');
	const versions = card.getByTestId('conflict-version');
	await expect(versions).toHaveCount(2);
	const mine = versions.filter({ hasText: 'Sammy' });
	const theirs = versions.filter({ hasText: 'Samuel' });
	await expect(mine.getByTestId('conflict-origin')).toContainText('Changed by you on this tablet on');
	await expect(theirs).toContainText('shown on the case now');
	await expect(page.getByRole('link', { name: 'Back to the case' })).toHaveAttribute('href', `/cases/${CASE}`);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

	// The facilitator keeps their own version.
	await mine.getByRole('button', { name: /Keep version/ }).click();
	await expect(page.getByTestId('conflict-saved')).toContainText('Saved your decision on preferred name');
	await expect(page.getByTestId('no-conflicts')).toBeVisible();

	await expect.poll(async () => (await office.held(CASE, DOC))?.conflicts, { timeout: 20_000 }).toEqual([]);
	expect((await office.held(CASE, DOC))?.record.preferredName).toBe('Sammy');
	await office.dispose();
});

test('a combined value that would not be valid is refused beside the field, and nothing is saved', async ({ page, context, baseURL }) => {
	const office = await officeDevice(baseURL!);
	const id = 'participant-combine-e2e';
	const doc = `case:${CASE}:participant:${id}`;
	await office.push(undefined, { ...exampleRecords.participant(), caseId: CASE, id, name: 'Alex Original', createdBy: office.userId });
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	const harness = await openHarness(context, baseURL!);
	const userId = await harness.evaluate((passphrase) => window.harness.unlockSignedIn(passphrase), PASSPHRASE);
	await expect.poll(() => harness.evaluate(([u, d]) => window.harness.get(u!, d!), [userId, doc]), { timeout: 20_000 }).toMatchObject({ name: 'Alex Original' });
	await context.setOffline(true);
	await harness.evaluate(async ([u, d]) => {
		const held = (await window.harness.get(u!, d!)) as Record<string, unknown>;
		await window.harness.save(u!, { ...held, name: 'Alex Tablet' });
	}, [userId, doc]);
	const onServer = (await office.held(CASE, doc))!;
	await office.push(onServer.record, { ...onServer.record, name: 'Alex Office' }, onServer.rev);
	await context.setOffline(false);
	await expect.poll(async () => (await office.held(CASE, doc))?.conflicts.length, { timeout: 20_000 }).toBe(1);
	await expect(page.getByTestId('sync-waiting')).toHaveCount(0, { timeout: 20_000 });

	await page.getByRole('link', { name: 'This device' }).click();
	await page.getByRole('link', { name: /RJ-2026-0102: 1 thing needs a decision/ }).click();
	const card = page.getByTestId('conflict').filter({ hasText: 'Alex Office' });
	await card.getByLabel('Or write the name yourself').fill('   ');
	await card.getByRole('button', { name: 'Save what I wrote' }).click();
	await expect(card.getByRole('alert')).toContainText('Write the combined name');
	await card.getByLabel('Or write the name yourself').fill('Alex Office-Tablet');
	await card.getByRole('button', { name: 'Save what I wrote' }).click();
	await expect(page.getByTestId('conflict-saved')).toContainText('Saved your decision on name');
	await expect.poll(async () => (await office.held(CASE, doc))?.record.name, { timeout: 20_000 }).toBe('Alex Office-Tablet');
	expect((await office.held(CASE, doc))?.conflicts).toEqual([]);
	await office.dispose();
});
