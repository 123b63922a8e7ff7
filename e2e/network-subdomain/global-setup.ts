import { envPort } from '../../scripts/lib/ports.mjs';
import { startNetworkSuite } from '../network/global-setup';

// A subdomain network: localhost and b.localhost, c.localhost, on one bridge and one Logto app,
// with the "Sign in with Logto" button. Its own ports (SUBDOMAIN_*): the subdirectory network's
// suite may run beside it.
export default async function subdomainNetworkSetup() {
	const bridge = envPort( 'SUBDOMAIN_BRIDGE_PORT', 3620 );
	return startNetworkSuite( { name: 'network-subdomain', subdomain: true, loginMode: 'buttons', ports: { wordpress: envPort( 'SUBDOMAIN_WP_PORT', 8896 ), bridge, idp: envPort( 'SUBDOMAIN_IDP_PORT', bridge + 1 ) } } );
}
