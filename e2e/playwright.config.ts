import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './support/chromium';
import { wpUrl } from './support/wordpress';

// One WordPress instance serves every test, so tests run one at a time. Run through run.mjs
// (npm test -w e2e), which sets up the native runtime's TLS when WP_RUNTIME=native.
const native = process.env.WP_RUNTIME === 'native';
if ( native && ! process.env.E2E_TLS_SPKI ) {
	throw new Error( 'WP_RUNTIME=native: run the tests with npm test -w e2e (run.mjs), which makes the local CA first' );
}

export default defineConfig( {
	testDir: './specs',
	outputDir: './test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	// Playground's PHP serialises requests: a test with several Chromium sign-ins takes near a
	// minute on a busy 2-core machine. Assertions keep their own 10 s.
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ], [ 'html', { open: 'never', outputFolder: 'playwright-report' } ] ],
	globalSetup: './support/global-setup.ts',
	use: {
		baseURL: wpUrl(),
		launchOptions: chromiumLaunchOptions,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
} );
