import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './support/chromium';

// npm run test:network: a WordPress multisite network (subdirectory: /, /b/, /c/) with the plugin
// network-activated, native runtime only, through run.mjs (the local CA). Its own stack and ports
// (NETWORK_*), so the main e2e stack, the fault suite and a running `npm start` are left alone.
if ( ! process.env.E2E_TLS_SPKI ) {
	throw new Error( 'run the network suite with npm run test:network (run.mjs makes the local CA first)' );
}

export default defineConfig( {
	testDir: './network',
	outputDir: './test-results-network',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	globalSetup: './network/network-setup.ts',
	use: {
		launchOptions: chromiumLaunchOptions,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
} );
