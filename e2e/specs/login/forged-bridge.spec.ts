import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { sealTicket, ticketJti } from '@logto-bridge/contract/ticket-seal';
import { freePort } from '@logto-bridge/testkit';

import { expect, test } from '../../support/test';
import { bridgeUrl, findUsers, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

/**
 * A forged bridge (a stand-in on loopback, not the real one): it is up, and it answers a
 * redemption with claims WordPress would sign in with, but not signed with the shared secret.
 */
async function startForgedBridge( binding: string ): Promise< { url: string; server: Server } > {
	const port = await freePort();
	const server = createServer( ( req, res ) => {
		if ( req.url === '/healthz' ) return void res.end( '{"ok":true}' );
		res.setHeader( 'content-type', 'application/json' );
		res.setHeader( 'x-logto-bridge-signature', `t=${ Math.floor( Date.now() / 1000 ) },n=${ 'n'.repeat( 22 ) },v1=${ '0'.repeat( 64 ) }` );
		res.end( JSON.stringify( { claims: { sub: 'forged-sub', username: 'forged-user' }, id_token: 'x.y.z', return_to: `${ wpUrl() }/wp-admin/`, binding } ) );
	} );
	await new Promise< void >( ( resolve ) => server.listen( port, '127.0.0.1', resolve ) );
	return { url: `http://127.0.0.1:${ port }`, server };
}

test.describe( 'an answer that does not come from the bridge', () => {
	restoreSettingsAfterAll();

	test( 'a redemption answer not signed for its request signs nobody in (forged bridge)', async ( { page, context } ) => {
		const cookie = randomBytes( 32 ).toString( 'hex' );
		const forged = await startForgedBridge( createHash( 'sha256' ).update( cookie ).digest( 'hex' ) );
		try {
			await updateSettings( { bridge_url: forged.url, create_users: true } );
			// This browser holds the binding cookie the forged answer names: only the signature can refuse it.
			await context.addCookies( [ { name: 'logto_bridge_binding', value: cookie, url: wpUrl() } ] );
			// A ticket of its own: one another spec showed WordPress would be spent already (ticket_gone).
			await page.goto( `/wp-login.php?action=logto-callback&ticket=${ randomBytes( 32 ).toString( 'base64url' ) }` );
			await expect( page ).toHaveURL( /logto_error=idp_error/ );
			expect( await findUsers( 'forged-user' ), 'nobody was created or signed in' ).toEqual( [] );
		} finally {
			forged.server.close();
		}
	} );

	test( 'a sealed ticket not sealed with the site\'s secret signs nobody in; the same one sealed with it does (the control)', async ( { page, context } ) => {
		// The real bridge: the stored ticket beside a sealed one that does not open is asked of it (and is unknown there).
		await updateSettings( { bridge_url: bridgeUrl(), create_users: true } );
		const cookie = randomBytes( 32 ).toString( 'hex' );
		const binding = createHash( 'sha256' ).update( cookie ).digest( 'hex' );
		// This browser holds the binding cookie the ticket names: only the seal's key can refuse it.
		await context.addCookies( [ { name: 'logto_bridge_binding', value: cookie, url: wpUrl() } ] );
		const link = ( secret: string ) => {
			const stored = randomBytes( 32 ).toString( 'base64url' );
			const content = { claims: { sub: `sealed-${ binding.slice( 0, 12 ) }`, username: 'sealed-forger' }, id_token: 'x.y.z', return_to: `${ wpUrl() }/wp-admin/`, binding };
			const sealed = sealTicket( secret, { ...content, exp: Math.floor( Date.now() / 1000 ) + 60, jti: ticketJti( stored ) } );
			return `/wp-login.php?action=logto-callback&ticket=${ stored }&sealed=${ sealed }`;
		};
		await page.goto( link( randomBytes( 32 ).toString( 'hex' ) ) );
		await expect( page ).toHaveURL( /logto_error=ticket_gone/ );
		expect( await findUsers( 'sealed-forger' ), 'nobody was created or signed in' ).toEqual( [] );

		// The control: the very same ticket sealed with the shared secret is taken, so only the key refused the first.
		await context.addCookies( [ { name: 'logto_bridge_binding', value: cookie, url: wpUrl() } ] );
		await page.goto( link( process.env.E2E_BRIDGE_SECRET as string ) );
		await expect( page ).toHaveURL( `${ wpUrl() }/wp-admin/` );
		expect( ( await findUsers( 'sealed-forger' ) ).map( ( u ) => u.username ) ).toEqual( [ 'sealed-forger' ] );
	} );
} );
