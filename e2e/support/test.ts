import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { test as base, expect } from '@playwright/test';

export { expect };

// Every test gets the services' logs attached when it fails, so a red CI run says why.
export const test = base.extend< { serviceLogs: void } >( {
	serviceLogs: [
		async ( {}, use, testInfo ) => {
			await use();
			const dir = process.env.E2E_LOG_DIR;
			if ( ! dir || testInfo.status === testInfo.expectedStatus ) {
				return;
			}
			for ( const name of readdirSync( dir ) ) {
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
