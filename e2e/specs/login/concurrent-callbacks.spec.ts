import { Browser } from '@logto-bridge/testkit/browser';
import { expect, test } from '../../support/test';
import { findUsers, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

/** Signs in at the idp with a password (HTTP, cookie jar) and returns the WordPress callback URL, not followed. */
async function ticketUrl(): Promise< string > {
	const browser = new Browser();
	const isCallback = ( u: string ) => u.includes( 'action=logto-callback' );
	const start = await browser.follow( `${ wpUrl() }/wp-login.php?action=logto-sign-in`, isCallback );
	const action = /<form[^>]*action="([^"]*\/password)"/.exec( start.html )![ 1 ]!;
	const done = await browser.follow( new URL( action, start.url ).href, isCallback, { form: { username: 'twin', password: 'twin-password-123' } } );
	expect( done.url ).toMatch( /ticket=/ );
	return done.url;
}

test.describe( 'a new Logto account signing in twice at once', () => {
	restoreSettingsAfterAll();

	test( 'two callbacks for the same new Logto account at once make exactly one WordPress user', async ( { playwright } ) => {
		await updateSettings( { create_users: true } );
		const [ first, second ] = [ await ticketUrl(), await ticketUrl() ];
		expect( first ).not.toBe( second );

		// Both land at the same moment, on different PHP workers.
		const a = await playwright.request.newContext( { baseURL: wpUrl() } );
		const b = await playwright.request.newContext( { baseURL: wpUrl() } );
		const [ ra, rb ] = await Promise.all( [ a.get( first, { maxRedirects: 0 } ), b.get( second, { maxRedirects: 0 } ) ] );
		// The loser of the race is told to come back (resume) until the winner has created the user.
		const finalLocation = async ( ctx: typeof a, location: string | undefined ) => {
			for ( let hop = 0; location?.includes( 'resume=' ) && hop < 25; hop++ ) {
				location = ( await ctx.get( location, { maxRedirects: 0 } ) ).headers().location;
			}
			return location;
		};
		const locations = await Promise.all( [ finalLocation( a, ra.headers().location ), finalLocation( b, rb.headers().location ) ] );
		for ( const location of locations ) {
			expect( location, 'both sign-ins succeed' ).toBe( `${ wpUrl() }/wp-admin/` );
		}
		const users = await findUsers( 'twin' );
		expect( users.map( ( u ) => u.username ) ).toEqual( [ 'twin' ] );
		await a.dispose();
		await b.dispose();
	} );
} );
