import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Browser } from '@logto-bridge/testkit/browser';
import { expect, test } from '../../support/test';
import { findUsers, restoreSettingsAfterAll, updateSettings, wpDir, wpUrl } from '../../support/wordpress';

// Where the test mu-plugin records the race (WordPress's uploads folder, on this machine's disk).
const raceDir = () => join( wpDir(), 'wp-content', 'uploads', 'logto-bridge-race' );

/**
 * Signs in at the idp with a password (HTTP, cookie jar) and returns the WordPress callback URL,
 * not followed, with the cookies of the browser that started it (its binding cookie among them).
 */
async function ticketUrl(): Promise< { url: string; cookie: string } > {
	const browser = new Browser();
	const isCallback = ( u: string ) => u.includes( 'action=logto-callback' );
	const start = await browser.follow( `${ wpUrl() }/wp-login.php?action=logto-sign-in`, isCallback );
	const action = /<form[^>]*action="([^"]*\/password)"/.exec( start.html )![ 1 ]!;
	const done = await browser.follow( new URL( action, start.url ).href, isCallback, { form: { username: 'twin', password: 'twin-password-123' } } );
	expect( done.url ).toMatch( /ticket=/ );
	return { url: done.url, cookie: browser.cookieHeader( wpUrl() ) };
}

test.describe( 'a new Logto account signing in twice at once', () => {
	restoreSettingsAfterAll();

	test( 'two callbacks for the same new Logto account at once make exactly one WordPress user', async ( { playwright } ) => {
		await updateSettings( { create_users: true } );
		const [ first, second ] = [ await ticketUrl(), await ticketUrl() ];
		expect( first.url ).not.toBe( second.url );

		// Both land at the same moment, on different PHP workers, each in the browser that started it.
		const a = await playwright.request.newContext( { baseURL: wpUrl(), extraHTTPHeaders: { cookie: first.cookie } } );
		const b = await playwright.request.newContext( { baseURL: wpUrl(), extraHTTPHeaders: { cookie: second.cookie } } );
		const [ ra, rb ] = await Promise.all( [ a.get( first.url, { maxRedirects: 0 } ), b.get( second.url, { maxRedirects: 0 } ) ] );
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
		// Counted where the test mu-plugin recorded each creation, not from the database alone.
		const created = readdirSync( raceDir() ).filter( ( f ) => f.startsWith( 'created-' ) );
		expect( created.map( ( f ) => readFileSync( join( raceDir(), f ), 'utf8' ) ), 'one user was created' ).toEqual( [ 'twin' ] );
		await a.dispose();
		await b.dispose();
	} );
} );
