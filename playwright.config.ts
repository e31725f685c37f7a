import { defineConfig } from '@playwright/test';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	globalSetup: './tests/e2e/support/global-setup.ts',
	globalTeardown: './tests/e2e/support/global-teardown.ts',
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	outputDir: 'test-results/playwright-artifacts',
	use: {
		baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3917',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	}
});
