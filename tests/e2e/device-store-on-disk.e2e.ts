import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { openHarness } from './support/harness-page.js';
import { filesContaining } from './support/profile-files.js';

const MARKERS = { note: 'QUOKKA-NOTE-5181', name: 'QUOKKA-NAME-7324', answer: 'QUOKKA-RISK-9047', reference: 'QUOKKA-REF-2265' };
const CONTROL = 'QUOKKA-PLAIN-CONTROL-3390';
let profile: string;

// An on-disk profile: a plain newContext keeps IndexedDB in memory, and there would be nothing to grep.
function launch(): Promise<BrowserContext> {
	return chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, serviceWorkers: 'block' });
}

test.beforeEach(async () => (profile = await mkdtemp(join(tmpdir(), 'tandem-profile-'))));
test.afterEach(() => rm(profile, { recursive: true, force: true }));

test('no note, name, risk answer or case reference is readable in IndexedDB or anywhere in the profile on disk', async ({ baseURL }) => {
	const context = await launch();
	const page = await openHarness(context, baseURL!);
	const saved = await page.evaluate(async (m) => {
		const h = window.harness;
		await h.createVault('disk-user', 'copper kettle orbit 42');
		const records = [
			h.exampleWith('case-note', (n) => (n.text = `They said ${m.note}`)),
			h.exampleWith('participant', (p) => ((p.name = `Sam ${m.name}`), (p.preferredName = m.name))),
			h.exampleWith('risk-assessment', (a) => (a.answers['safety.physical-harm'].narrative = m.answer))
		];
		const outcomes = [];
		for (const record of records) outcomes.push((await h.save('disk-user', record)).ok);
		await h.replaceCases('disk-user', [{ id: 'case-0001-abcd', reference: m.reference, stage: 'assessment', status: 'open', updatedAt: '2026-10-01T09:00:00.000Z' }]);
		return outcomes;
	}, MARKERS);
	expect(saved).toEqual([true, true, true]);
	await page.evaluate((control) => window.harness.writePlainControl(control), CONTROL);

	const dump = await page.evaluate(() => window.harness.dump());
	expect(dump).toContain(CONTROL);
	for (const marker of Object.values(MARKERS)) expect(dump).not.toContain(marker);
	await context.close();

	expect(await filesContaining(profile, CONTROL)).not.toEqual([]);
	for (const marker of Object.values(MARKERS)) expect(await filesContaining(profile, marker)).toEqual([]);
});

test('a page killed in the middle of saving leaves every note with its outbox entry, or neither', async ({ baseURL }) => {
	let context = await launch();
	let page = await openHarness(context, baseURL!);
	await page.evaluate(() => window.harness.createVault('crash-user', 'copper kettle orbit 42'));
	await page.evaluate(() => window.harness.saveForever('crash-user'));
	await expect.poll(() => page.evaluate(() => window.harness.saved)).toBeGreaterThan(40);
	await context.close();

	context = await launch();
	page = await openHarness(context, baseURL!);
	const { records, outbox } = await page.evaluate(() => window.harness.pairs('crash-user'));
	expect(records.length).toBeGreaterThan(40);
	expect([...outbox].sort()).toEqual([...records].sort());
	await context.close();
});
