import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Browser } from '@logto-bridge/testkit/browser';
import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { expect, test } from '../../support/test';
import { allUsers, findUsers, idpUrl, restoreSettingsAfterAll, updateSettings, wpDir, wpUrl } from '../../support/wordpress';

// Where the test mu-plugin records the race (WordPress's uploads folder, on this machine's disk).
const raceDir = () => join( wpDir(), 'wp-content', 'uploads', 'logto-bridge-race' );
const lockDir = () => join( wpDir(), 'wp-content', 'uploads', 'logto-bridge-lock-race' );
const recorded = ( prefix: string ) => ( existsSync( lockDir() ) ? readdirSync( lockDir() ).filter( ( f ) => f.startsWith( prefix ) ) : [] );

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

	// Playground runs 4 PHP workers on SQLite; the native runtime 8 php-fpm workers on MariaDB, where INSERT IGNORE really races.
	const visitors = process.env.WP_RUNTIME === 'native' ? 8 : 2;

	test( `${ visitors } callbacks for the same new Logto account at once make exactly one WordPress user, and every visitor ends signed in`, async ( { playwright } ) => {
		await updateSettings( { create_users: true } );
		const tickets = [];
		for ( let i = 0; i < visitors; i++ ) tickets.push( await ticketUrl() );
		expect( new Set( tickets.map( ( t ) => t.url ) ).size ).toBe( visitors );

		// All land at the same moment, on different PHP workers, each in the browser that started it.
		const contexts = await Promise.all( tickets.map( ( t ) => playwright.request.newContext( { baseURL: wpUrl(), extraHTTPHeaders: { cookie: t.cookie } } ) ) );
		const first = await Promise.all( tickets.map( ( t, i ) => contexts[ i ]!.get( t.url, { maxRedirects: 0 } ) ) );
		// The losers of the race are told to come back (resume) until the winner has created the user.
		const finalLocation = async ( ctx: ( typeof contexts )[ number ], location: string | undefined ) => {
			for ( let hop = 0; location?.includes( 'resume=' ) && hop < 25; hop++ ) {
				location = ( await ctx.get( location, { maxRedirects: 0 } ) ).headers().location;
			}
			return location;
		};
		const locations = await Promise.all( first.map( ( res, i ) => finalLocation( contexts[ i ]!, res.headers().location ) ) );
		expect( locations, 'every sign-in succeeds' ).toEqual( Array( visitors ).fill( `${ wpUrl() }/wp-admin/` ) );
		const users = await findUsers( 'twin' );
		expect( users.map( ( u ) => u.username ) ).toEqual( [ 'twin' ] );
		// Counted where the test mu-plugin recorded each creation, not from the database alone.
		const created = readdirSync( raceDir() ).filter( ( f ) => f.startsWith( 'created-' ) );
		expect( created.map( ( f ) => readFileSync( join( raceDir(), f ), 'utf8' ) ), 'one user was created' ).toEqual( [ 'twin' ] );
		await Promise.all( contexts.map( ( c ) => c.dispose() ) );
	} );
	test( 'a sign-in that missed the new user before the lock finds it under the lock; a returning one never reaches the lock', async ( { playwright } ) => {
		await updateSettings( { create_users: true } );
		// e2e/fixtures/mu-plugins/logto-bridge-test-lock-race.php holds this account's sign-ins at the lock.
		const phone = '+12015550167';
		const site = { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: process.env.E2E_SMS_OUTBOX as string };
		const isCallback = ( u: string ) => u.includes( 'action=logto-callback' );
		const tickets = [];
		for ( let i = 0; i < 2; i++ ) {
			const { url, browser } = await phoneSignUp( site, phone, isCallback );
			expect( url ).toMatch( /ticket=/ );
			tickets.push( { url, cookie: browser.cookieHeader( wpUrl() ) } );
		}
		// Both miss the user and meet before the lock; the first creates it, the second takes the lock after.
		const contexts = await Promise.all( tickets.map( ( t ) => playwright.request.newContext( { baseURL: wpUrl(), extraHTTPHeaders: { cookie: t.cookie } } ) ) );
		const landed = await Promise.all( tickets.map( ( t, i ) => contexts[ i ]!.get( t.url, { maxRedirects: 0 } ) ) );
		expect( landed.map( ( r ) => r.headers().location ), 'both signed in' ).toEqual( [ `${ wpUrl() }/wp-admin/`, `${ wpUrl() }/wp-admin/` ] );
		await Promise.all( contexts.map( ( c ) => c.dispose() ) );
		expect( recorded( 'arrived-' ), 'both missed the user before the lock' ).toHaveLength( 2 );
		expect( recorded( 'created-' ), 'the second found the first one\'s user under the lock' ).toHaveLength( 1 );
		expect( ( await allUsers() ).filter( ( u ) => u.meta.logto_phone === phone ) ).toHaveLength( 1 );

		const returning = await phoneSignUp( site, phone );
		expect( returning.url ).toBe( `${ wpUrl() }/wp-admin/` );
		expect( recorded( 'arrived-' ), 'a returning sign-in finds its user before the lock' ).toHaveLength( 2 );
		writeFileSync( join( lockDir(), 'done' ), '' );
	} );
} );
