import { build } from 'esbuild';
import type { BrowserContext, Page } from '@playwright/test';

let script: Promise<string> | undefined;

/** The harness bundled once per run, with the same modules the app ships. */
export function harnessScript(): Promise<string> {
	script ??= build({
		entryPoints: ['tests/e2e/support/store-harness.ts'],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022'
	}).then((result) => result.outputFiles[0]!.text);
	return script;
}

/** Opens a blank page on the app's origin (so IndexedDB is the app's own) with the harness loaded. */
export async function openHarness(context: BrowserContext, origin: string): Promise<Page> {
	const page = await context.newPage();
	await page.route('**/__store-harness', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>store harness</title></html>' }));
	await page.goto(`${origin}/__store-harness`);
	await page.addScriptTag({ content: await harnessScript() });
	return page;
}
