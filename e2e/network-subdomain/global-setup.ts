import { join } from 'node:path';

import { repoRoot } from '../../scripts/lib/paths.mjs';
import { envPort } from '../../scripts/lib/ports.mjs';
import { startNetworkStack } from '../../scripts/lib/network-stack.mjs';

// A subdomain network: localhost and b.localhost, c.localhost, on one bridge and one Logto app.
// Its own ports (SUBDOMAIN_*): the subdirectory network's suite may run beside it.
export default async function subdomainNetworkSetup() {
	const wp = envPort( 'SUBDOMAIN_WP_PORT', 8896 );
	const bridge = envPort( 'SUBDOMAIN_BRIDGE_PORT', 3620 );
	const stack = await startNetworkStack( {
		dataDir: join( repoRoot, '.data', 'network-subdomain' ),
		tlsDir: process.env.E2E_TLS_DIR as string,
		subsites: [ 'b', 'c' ],
		subdomain: true,
		loginMode: 'buttons',
		ports: { wordpress: wp, php: wp + 1000, db: wp + 1100, redis: wp + 1200, bridge, bridgeInstance: bridge + 10, idp: envPort( 'SUBDOMAIN_IDP_PORT', bridge + 1 ) },
	} );
	process.env.E2E_NETWORK = JSON.stringify( { url: stack.urls.wordpress, bridgeUrl: stack.urls.bridge, dbDir: stack.dbDir, logDir: stack.logDir, coreDir: stack.coreDir, subdomain: true } );
	process.env.E2E_IDP_URL = stack.urls.idp;
	process.env.E2E_SMS_OUTBOX = stack.smsOutbox;
	process.env.E2E_LOG_DIR = stack.logDir;
	return async () => {
		await stack.stop();
	};
}
