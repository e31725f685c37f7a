import { expect, test, type Route } from '@playwright/test';
import { passwordOf } from './support/server-state.js';
import { signIn } from './support/sign-in.js';

/**
 * A new tablet's first sync, slowed down so a person can see it: the first answer is cut off after
 * its first page (as a dropped connection would), and the second is held until the header is checked.
 */
test('a new tablet shows how many records of the caseload have loaded, and goes on from the page it kept', async ({ page }) => {
	const requests: { cases: { caseId: string; checkpoint?: string }[] }[] = [];
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/api/sync/pull-stream', async (route: Route) => {
		const body = { ...(route.request().postDataJSON() as { cases: { caseId: string; checkpoint?: string }[] }), limit: 1 };
		requests.push(body);
		if (requests.length === 2) await held;
		const answer = await route.fetch({ postData: JSON.stringify(body) });
		const lines = (await answer.text()).split('\n').filter((line) => line !== '');
		await route.fulfill({ response: answer, body: requests.length === 1 ? `${lines[0]}\n` : `${lines.join('\n')}\n` });
	});
	await signIn(page, 'facilitator', passwordOf('facilitator'));

	const status = page.getByTestId('sync-status');
	await expect(status).toContainText('Syncing');
	await expect(status).toContainText(/1 of [2-9]\d* records/);
	// The second answer starts from the checkpoint stored with the first page. It is asked for once
	// the cut-off answer ends, which may come just after the header shows the first page.
	await expect.poll(() => requests.length).toBe(2);
	expect(requests[0]!.cases.filter((c) => c.checkpoint)).toEqual([]);
	expect(requests[1]!.cases.filter((c) => c.checkpoint).length).toBeGreaterThan(0);

	release();
	await expect(status).toContainText('Online');
	await expect(status).toContainText('last synced');
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0101');
});

test("a new tablet's caseload is checked and sealed in a worker, which ends when the tablet locks", async ({ page }) => {
	const workers: { url: string; closed: boolean }[] = [];
	page.on('worker', (worker) => {
		const seen = { url: worker.url(), closed: false };
		workers.push(seen);
		worker.on('close', () => (seen.closed = true));
	});
	await signIn(page, 'facilitator', passwordOf('facilitator'));
	await expect(page.getByTestId('sync-status')).toContainText('last synced');
	await expect(page.getByTestId('case-list')).toContainText('RJ-2026-0101');
	const pageWorkers = () => workers.filter((w) => w.url.includes('page-worker'));
	expect(pageWorkers()).toHaveLength(1);
	expect(pageWorkers()[0]!.closed).toBe(false);

	await page.getByRole('button', { name: 'Lock', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Unlock Tandem' })).toBeVisible();
	await expect.poll(() => pageWorkers()[0]!.closed).toBe(true);
});
