import { defineConfig } from '@playwright/test';

import base from '../playwright.config';

// Manual runs, not part of npm test: the suite's stack and Chromium against a real Logto.
// Run: node e2e/run.mjs --config manual/playwright.config.ts (see real-logto-wizard.spec.ts).
export default defineConfig( {
	...base,
	testDir: '.',
	outputDir: '../test-results-manual',
	globalSetup: '../support/global-setup.ts',
	reporter: [ [ 'list' ] ],
	timeout: 300_000,
} );
