import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './support/chromium';

// One WordPress (Playground) instance serves every test, so tests run one at a time.
export default defineConfig( {
	testDir: './specs',
	outputDir: './test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ], [ 'html', { open: 'never', outputFolder: 'playwright-report' } ] ],
	globalSetup: './support/global-setup.ts',
	use: {
		baseURL: process.env.WP_BASE_URL ?? 'http://127.0.0.1:8889',
		launchOptions: chromiumLaunchOptions,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
} );
