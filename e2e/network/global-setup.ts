import { join } from 'node:path';

import { repoRoot } from '../../scripts/lib/paths.mjs';
import { envPort } from '../../scripts/lib/ports.mjs';
import { startNetworkStack } from '../../scripts/lib/network-stack.mjs';

/**
 * A network suite's stack (sites b and c besides the main one, one bridge, one Logto app) on its
 * own ports, told to the tests through E2E_NETWORK (read by network.ts).
 */
export async function startNetworkSuite( { name, subdomain, ports, loginMode }: { name: string; subdomain: boolean; ports: { wordpress: number; bridge: number; idp: number }; loginMode?: 'phone' | 'buttons' } ) {
	const { wordpress: wp, bridge } = ports;
	const stack = await startNetworkStack( {
		dataDir: join( repoRoot, '.data', name ),
		tlsDir: process.env.E2E_TLS_DIR as string,
		subsites: [ 'b', 'c' ],
		subdomain,
		loginMode,
		ports: { wordpress: wp, php: wp + 1000, db: wp + 1100, redis: wp + 1200, bridge, bridgeInstance: bridge + 10, idp: ports.idp },
	} );
	process.env.E2E_NETWORK = JSON.stringify( { url: stack.urls.wordpress, bridgeUrl: stack.urls.bridge, dbDir: stack.dbDir, logDir: stack.logDir, coreDir: stack.coreDir, subdomain } );
	process.env.E2E_IDP_URL = stack.urls.idp;
	process.env.E2E_SMS_OUTBOX = stack.smsOutbox;
	process.env.E2E_LOG_DIR = stack.logDir;
	return async () => {
		await stack.stop();
	};
}

// A subdirectory network: the main site and /b/, /c/, on one bridge and one Logto app.
export default async function networkSetup() {
	const bridge = envPort( 'NETWORK_BRIDGE_PORT', 3600 );
	return startNetworkSuite( { name: 'network', subdomain: false, ports: { wordpress: envPort( 'NETWORK_WP_PORT', 8899 ), bridge, idp: envPort( 'NETWORK_IDP_PORT', bridge + 1 ) } } );
}
