import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { AuditLogResponse } from '../../src/lib/protocol/audit.js';
import type { SubjectExportDocument } from '../../src/lib/protocol/subject-access.js';
import { addPerson } from './support/office-api.js';
import { openInApp } from './support/open-in-app.js';
import { signIn } from './support/sign-in.js';

const run = Date.now().toString(36);
const PASSWORD = 'a long test password 42';
const COORDINATOR = `coord-sar-${run}`;
// The demo's case RJ-2026-0102: Jordan Example ("Jo") was harmed, Casey Madeup is responsible, Morgan Example supports Jo.
const CASE_ID = 'demo-case-0002';
const JORDAN = 'demo-hp-0002';
const CASEY = 'demo-pr-0002';
const SHARED = `Shared ${run}: Jo and Casey both asked about a meeting.`;
const LEFT_OUT = `Left out ${run}: Jo and Casey spoke on the phone.`;
const CASEY_ONLY = `Private ${run}: Casey talked about his family.`;

test.beforeAll(async () => {
	await addPerson(COORDINATOR, `Coordinator ${run}`, 'coordinator', PASSWORD);
});

const axe = async (page: Page) =>
	expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
const addNote = async (page: Page, id: string, text: string, about: string[]) =>
	expect((await page.request.post(`/api/cases/${CASE_ID}/notes`, { data: { id, text, aboutParticipantIds: about } })).status()).toBe(201);
const saved = async (download: Download) => readFile((await download.path())!, 'utf8');

test('a coordinator finds a person, reviews what concerns others, leaves one note out and downloads the export', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, COORDINATOR, PASSWORD);
	await addNote(page, `sar-shared-${run}`, SHARED, [JORDAN, CASEY]);
	await addNote(page, `sar-leftout-${run}`, LEFT_OUT, [JORDAN, CASEY]);
	await addNote(page, `sar-casey-${run}`, CASEY_ONLY, [CASEY]);

	await openInApp(page, '/office/data-protection/subject-access');
	await expect(page.getByRole('heading', { level: 1, name: 'Subject access request' })).toBeVisible();
	await axe(page);

	// A one-letter search is refused with the field named, and nothing else happens.
	await page.getByLabel('Name, prison number or case reference').fill('J');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Enter at least 2 letters');
	await expect(page.getByRole('heading', { name: 'People found' })).toHaveCount(0);

	await page.getByLabel('Name, prison number or case reference').fill('Jordan Ex');
	await page.getByRole('button', { name: 'Search' }).click();
	await page.getByRole('checkbox', { name: /Jordan Example \(known as Jo\).*RJ-2026-0102/ }).check();
	await page.getByRole('button', { name: 'Review what we hold' }).click();

	await expect(page.getByRole('heading', { name: 'Review before release' })).toBeFocused({ timeout: 30_000 });
	const shared = page.getByTestId('sar-item').filter({ hasText: `Shared ${run}` });
	await expect(shared).toContainText('This note is also about someone else on the case');
	await expect(shared).toContainText(`Shared ${run}: Jo and [other person] both asked about a meeting.`);
	await expect(page.getByTestId('sar-item').filter({ hasText: `Private ${run}` })).toHaveCount(0);
	await axe(page);

	await page.getByTestId('sar-item').filter({ hasText: `Left out ${run}` }).getByLabel('Leave this out of the export').check();
	await page.getByRole('button', { name: 'Produce the export' }).click();
	await expect(page.getByRole('heading', { name: 'The export is ready' })).toBeFocused({ timeout: 30_000 });
	await expect(page.getByTestId('sar-ready')).toContainText('1 record left out');
	await axe(page);

	const [htmlFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sar-download-html').click()]);
	expect(htmlFile.suggestedFilename()).toMatch(/^tandem-subject-access-RJ-2026-0102-\d{4}-\d{2}-\d{2}\.html$/);
	const html = await saved(htmlFile);
	expect(html).toContain('<h1>Information we hold about you</h1>');
	expect(html).toContain('For Jordan Example.');
	expect(html).toContain(`Shared ${run}: Jo and [other person] both asked about a meeting.`);
	expect(html).toContain('Consent to take part');
	for (const absent of [`Left out ${run}`, `Private ${run}`, 'Casey', 'Madeup', 'Morgan', JORDAN, CASE_ID]) expect(html).not.toContain(absent);

	const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sar-download-json').click()]);
	const document = JSON.parse(await saved(jsonFile)) as SubjectExportDocument;
	expect(document.caseReferences).toEqual(['RJ-2026-0102']);
	const notes = document.sections.find((s) => s.heading === 'Case notes about you')!.items.flatMap((i) => i.fields.map((f) => f.value));
	expect(notes).toContain(`Shared ${run}: Jo and [other person] both asked about a meeting.`);
	expect(notes.join('\n')).not.toContain(`Left out ${run}`);
	expect(document.access.some((line) => line.who === `Coordinator ${run}` && line.what === 'Wrote a case note')).toBe(true);

	// Changing what is left out withdraws the copy already made, so no stale file is sent by mistake.
	await page.getByTestId('sar-item').filter({ hasText: `Left out ${run}` }).getByLabel('Leave this out of the export').uncheck();
	await expect(page.getByTestId('sar-ready')).toHaveCount(0);

	// The export is in the case's audit log: who, for whom, how many; no names.
	const log = (await (await page.request.get(`/api/cases/${CASE_ID}/audit`)).json()) as AuditLogResponse;
	const exported = log.entries.filter((e) => e.action === 'export' && e.recordId === JORDAN).at(-1);
	expect(exported?.exported).toMatchObject({ excluded: 1 });
	expect(exported!.exported!.redacted).toBeGreaterThanOrEqual(1);
	expect(JSON.stringify(exported)).not.toMatch(/Jordan|Casey|Jo\b/);
});
