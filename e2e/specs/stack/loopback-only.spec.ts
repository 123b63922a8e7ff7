import { isLoopback, socketsOfGroups } from '../../../scripts/lib/ports.mjs';
import { expect, test } from '../../support/test';
import { bridgeUrl, idpUrl, wpUrl } from '../../support/wordpress';

test( 'every server of the stack listens on 127.0.0.1 only: nothing is reachable from another machine', () => {
	const pids = JSON.parse( process.env.E2E_STACK_PIDS as string ) as Record< string, number >;
	// Every listening socket of the services' process groups (WordPress's PHP workers, the bridge, the idp), read from /proc.
	const sockets = socketsOfGroups( Object.values( pids ) );
	for ( const [ name, url ] of [ [ 'wordpress', wpUrl() ], [ 'bridge', bridgeUrl() ], [ 'idp', idpUrl() ] ] ) {
		expect( sockets.some( ( s ) => s.port === Number( new URL( url! ).port ) ), `${ name } holds its port` ).toBe( true );
	}
	expect( sockets.filter( ( s ) => ! isLoopback( s.address ) ), 'sockets listening beyond loopback' ).toEqual( [] );
} );
