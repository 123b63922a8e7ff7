import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './support/chromium';

// npm run test:many-sites: two WordPress sites on one bridge (BRIDGE_SITES_FILE), native runtime
// only, through run.mjs (the local CA). Its own stack and ports (SITES_*), so the main e2e stack,
// the fault suite and a running `npm start` are left alone.
if ( ! process.env.E2E_TLS_SPKI ) {
	throw new Error( 'run the many-sites suite with npm run test:many-sites (run.mjs makes the local CA first)' );
}

export default defineConfig( {
	testDir: './many-sites',
	outputDir: './test-results-many-sites',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	globalSetup: './many-sites/sites-setup.ts',
	use: {
		launchOptions: chromiumLaunchOptions,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
} );
