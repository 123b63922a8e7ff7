// A WordPress multisite network on subdomains (localhost, b.localhost, c.localhost) with the plugin
// network-activated: each site its own cookies, so a member signed in on b is not signed in on c
// until c's own sign-in, which Logto's session answers without asking anything.
import { existsSync, readFileSync } from 'node:fs';

import { newPhone, signInWithPhone, signUpWithPhone } from '../support/logto';
import { expect, test } from '../support/test';
import { idpUrl } from '../support/wordpress';
import { rolesOn, sites, usersWithPhone } from '../network/network';

test.describe.configure( { mode: 'serial' } );

const { main, b, c } = sites();
const phone = newPhone();
/** The SMS messages sent so far (the idp's outbox). */
const smsSent = () => {
	const outbox = process.env.E2E_SMS_OUTBOX as string;
	return existsSync( outbox ) ? readFileSync( outbox, 'utf8' ).trim().split( '\n' ).filter( Boolean ).length : 0;
};

test( 'a visitor signs up on b.localhost: one user of the network, a member of b only, back on b', async ( { page } ) => {
	await page.goto( `${ b.url }/wp-login.php` );
	await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
	await signUpWithPhone( page, phone );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	const [ id, ...more ] = usersWithPhone( phone );
	expect( more ).toEqual( [] );
	expect( rolesOn( id!, b ) ).toEqual( [ 'subscriber' ] );
	expect( rolesOn( id!, c ) ).toEqual( [] );
	expect( rolesOn( id!, main ) ).toEqual( [] );
} );

test( "the member opens c.localhost: c's own cookie, so c signs them in, through Logto without a code or a click at Logto, and they join c", async ( { page } ) => {
	await page.goto( `${ b.url }/wp-login.php` );
	const since = smsSent();
	await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
	// At Logto: the code for the known number, then back on b.
	await signInWithPhone( page, phone );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	expect( smsSent() ).toBe( since + 1 );

	await page.goto( `${ c.url }/wp-admin/` );
	await expect( page, "b's cookie is not c's" ).toHaveURL( new RegExp( `^${ c.url }/wp-login\\.php` ) );
	// Every hop's request (a redirect's too), and the pages the browser showed.
	const toLogto: string[] = [];
	const shownAtLogto: string[] = [];
	page.on( 'request', ( r ) => {
		if ( r.isNavigationRequest() && r.url().startsWith( idpUrl() ) ) toLogto.push( new URL( r.url() ).pathname );
	} );
	page.on( 'framenavigated', ( f ) => {
		if ( f === page.mainFrame() && f.url().startsWith( idpUrl() ) ) shownAtLogto.push( new URL( f.url() ).pathname );
	} );
	await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
	expect( toLogto, 'through Logto' ).toContain( '/oidc/auth' );
	expect( shownAtLogto, 'Logto showed no page: its session answered' ).toEqual( [] );
	expect( smsSent(), 'no code sent' ).toBe( since + 1 );
	const [ id, ...more ] = usersWithPhone( phone );
	expect( more ).toEqual( [] );
	expect( rolesOn( id!, c ), "c's role" ).toEqual( [ 'subscriber' ] );
} );

test( 'signing out on c signs the member out of b too: Logto ends its session, and its back-channel logout the sessions it began', async ( { page } ) => {
	await page.goto( `${ b.url }/wp-login.php` );
	await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
	await signInWithPhone( page, phone );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	await page.goto( `${ c.url }/wp-login.php` );
	await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );

	await page.locator( '#wp-admin-bar-my-account' ).hover();
	await page.getByRole( 'menuitem', { name: 'Log Out' } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/` ) );
	for ( const site of [ c, b ] ) {
		await expect( async () => {
			await page.goto( `${ site.url }/wp-admin/` );
			await expect( page ).toHaveURL( /wp-login\.php/ );
		}, `signed out of ${ site.url }` ).toPass( { timeout: 10_000 } );
	}
} );
