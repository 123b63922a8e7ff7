import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './chromium';

/**
 * The Playwright config of a suite with its own native stack (many sites, the network): its
 * folder, the global setup that starts that stack on its own ports, one worker. Run through
 * run.mjs (the `npm run` script named), which makes the local CA first.
 */
export function nativeSuiteConfig( { dir, script }: { dir: string; script: string } ) {
	if ( ! process.env.E2E_TLS_SPKI ) {
		throw new Error( `run this suite with npm run ${ script } (run.mjs makes the local CA first)` );
	}
	return defineConfig( {
		testDir: `./${ dir }`,
		outputDir: `./test-results-${ dir }`,
		fullyParallel: false,
		workers: 1,
		retries: 0,
		forbidOnly: !! process.env.CI,
		timeout: 120_000,
		expect: { timeout: 10_000 },
		reporter: [ [ 'list' ] ],
		globalSetup: `./${ dir }/global-setup.ts`,
		use: { launchOptions: chromiumLaunchOptions, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
		projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
	} );
}
