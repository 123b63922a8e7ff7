import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { test as base, expect, type Page } from '@playwright/test';

import { adminStateFile, wpUrl } from './wordpress';

export { expect };

// Every test gets the services' logs attached when it fails, so a red CI run says why;
// `adminPage` is a page already signed in as the admin (global setup signed in once).
export const test = base.extend< { serviceLogs: void; adminPage: Page } >( {
	adminPage: async ( { browser }, use ) => {
		const context = await browser.newContext( { baseURL: wpUrl(), storageState: adminStateFile() } );
		await use( await context.newPage() );
		await context.close();
	},
	serviceLogs: [
		async ( {}, use, testInfo ) => {
			await use();
			const dir = process.env.E2E_LOG_DIR;
			if ( ! dir || testInfo.status === testInfo.expectedStatus ) {
				return;
			}
			for ( const name of readdirSync( dir ) ) {
				if ( ! statSync( join( dir, name ) ).isFile() ) continue;
				await testInfo.attach( name, {
					body: readFileSync( join( dir, name ) ),
					contentType: 'text/plain',
				} );
			}
		},
		{ auto: true },
	],
} );

export { admin } from './wordpress';

/**
 * The tests CI runs again on Playground's lowest and highest PHP (`npm run test:e2e:php`, WP_PHP=7.4 and
 * 8.4): together they reach every plugin class (sign-in, sign-out, linking, roles, settings, the
 * wizard, bearer tokens, the block, the Users screens), so "Requires PHP: 7.4" is tested, not claimed.
 */
export const PHP_MATRIX = { tag: '@php-matrix' };
