import { join } from 'node:path';

import { repoRoot } from '../../scripts/lib/paths.mjs';
import { envPort } from '../../scripts/lib/ports.mjs';
import { startSitesStack } from '../../scripts/lib/sites-stack.mjs';

/** The sites of this run, as the specs read them (sites.ts). */
export type SitesRun = { sites: Array< { id: string; url: string; bridgeUrl: string; dataDir: string; appId: string } >; bridgeUrl: string; logDir: string };

// Two sites, "a" and "b", each with its own WordPress (MariaDB, php-fpm), on one bridge.
export default async function sitesSetup() {
	const wp = envPort( 'SITES_WP_PORT', 8897 );
	const bridge = envPort( 'SITES_BRIDGE_PORT', 3500 );
	const stack = await startSitesStack( {
		dataDir: join( repoRoot, '.data', 'many-sites' ),
		tlsDir: process.env.E2E_TLS_DIR as string,
		siteIds: [ 'a', 'b' ],
		ports: {
			bridge,
			bridgeInstance: bridge + 10,
			idp: envPort( 'SITES_IDP_PORT', bridge + 1 ),
			redis: wp + 1200,
			sites: [ 0, 1 ].map( ( i ) => ( { wordpress: wp + i, php: wp + 1000 + i, db: wp + 1100 + i } ) ),
		},
	} );
	const run: SitesRun = {
		sites: stack.sites.map( ( s ) => ( { id: s.id, url: s.url, bridgeUrl: s.bridgeUrl, dataDir: s.dataDir, appId: s.app.id } ) ),
		bridgeUrl: stack.urls.bridge,
		logDir: stack.logDir,
	};
	process.env.E2E_SITES = JSON.stringify( run );
	process.env.E2E_IDP_URL = stack.urls.idp;
	process.env.E2E_SMS_OUTBOX = stack.smsOutbox;
	process.env.E2E_LOG_DIR = stack.logDir;
	return async () => {
		await stack.stop();
	};
}
