import { join } from 'node:path';

import { repoRoot } from '../../scripts/lib/paths.mjs';
import { envPort } from '../../scripts/lib/ports.mjs';
import { startNetworkStack } from '../../scripts/lib/network-stack.mjs';

// A subdirectory network: the main site and /b/, /c/, on one bridge and one Logto app.
export default async function networkSetup() {
	const wp = envPort( 'NETWORK_WP_PORT', 8899 );
	const bridge = envPort( 'NETWORK_BRIDGE_PORT', 3600 );
	const stack = await startNetworkStack( {
		dataDir: join( repoRoot, '.data', 'network' ),
		tlsDir: process.env.E2E_TLS_DIR as string,
		subsites: [ 'b', 'c' ],
		ports: { wordpress: wp, php: wp + 1000, db: wp + 1100, redis: wp + 1200, bridge, bridgeInstance: bridge + 10, idp: envPort( 'NETWORK_IDP_PORT', bridge + 1 ) },
	} );
	process.env.E2E_NETWORK = JSON.stringify( { url: stack.urls.wordpress, bridgeUrl: stack.urls.bridge, dbDir: stack.dbDir, logDir: stack.logDir, coreDir: stack.coreDir } );
	process.env.E2E_IDP_URL = stack.urls.idp;
	process.env.E2E_SMS_OUTBOX = stack.smsOutbox;
	process.env.E2E_LOG_DIR = stack.logDir;
	return async () => {
		await stack.stop();
	};
}
