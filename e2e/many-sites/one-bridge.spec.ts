// Two independent WordPress sites ("a" and "b": each its own database, PHP, shared secret and
// Logto app) signing visitors in through one bridge, in Chromium on the native runtime.
import type { Page } from '@playwright/test';

import { newPhone } from '../support/logto';
import { expect, test } from '../support/test';
import { bridgeLog, site, startPhoneSignIn, usersWithPhone, verifyPhone, type Site } from './sites';

test.describe.configure( { mode: 'serial' } );

const a = () => site( 'a' );
const b = () => site( 'b' );

test( 'a visitor signs up on site a and then on site b: each through its own path and Logto app, each site making its own member', async ( { page } ) => {
	const phone = newPhone();
	const bridgeCalls: string[] = [];
	page.on( 'request', ( r ) => {
		const url = new URL( r.url() );
		if ( r.isNavigationRequest() && ( url.origin === new URL( a().bridgeUrl ).origin || url.pathname.endsWith( '/auth' ) ) ) bridgeCalls.push( `${ url.pathname }${ url.searchParams.get( 'client_id' ) ? ` ${ url.searchParams.get( 'client_id' ) }` : '' }` );
	} );
	const log = bridgeLog();
	await startPhoneSignIn( page, a(), phone );
	await verifyPhone( page, phone, { newNumber: true } );
	await expect( page ).toHaveURL( new RegExp( `^${ a().url }/wp-admin/` ) );
	expect( usersWithPhone( a(), phone ), 'site a made one member' ).toHaveLength( 1 );
	expect( usersWithPhone( b(), phone ), 'site b knows nothing of it yet' ).toHaveLength( 0 );

	await startPhoneSignIn( page, b(), phone );
	await verifyPhone( page, phone, { newNumber: false } );
	await expect( page ).toHaveURL( new RegExp( `^${ b().url }/wp-admin/` ) );
	expect( usersWithPhone( b(), phone ), 'site b made its own member' ).toHaveLength( 1 );
	expect( usersWithPhone( a(), phone ) ).toHaveLength( 1 );
	expect( bridgeCalls, 'each site through its own path and its own Logto app' ).toEqual( [
		'/sites/a/sign-in',
		'/oidc/auth wordpress-a',
		'/sites/a/callback',
		'/sites/b/sign-in',
		'/oidc/auth wordpress-b',
		'/sites/b/callback',
	] );
	const issued = log().filter( ( l ) => l.msg === 'ticket issued' );
	expect( issued.map( ( l ) => l.site ) ).toEqual( [ 'a', 'b' ] );
} );

/**
 * A new visitor on `from`'s wp-login.php, verified at Logto, held where Chromium would go next:
 * Playwright does not route a redirect's hops, so from Logto's last answer on the hops are
 * walked with the context's own cookies (page.request shares them) up to `held`, not requested.
 */
async function heldAt( page: Page, from: Site, held: RegExp ) {
	const phone = newPhone();
	let url = '';
	const lastStep = /\/interaction\/[^/]+\/register$/;
	await page.route( lastStep, async ( route ) => {
		let response = await route.fetch( { maxRedirects: 0 } );
		let next = route.request().url();
		for ( let hop = 0; hop < 10; hop++ ) {
			const location = response.headers().location;
			if ( ! location ) throw new Error( `${ next } answered ${ response.status() } with no redirect` );
			next = new URL( location, next ).href;
			if ( held.test( next ) ) break;
			response = await page.request.get( next, { maxRedirects: 0 } );
		}
		url = next;
		await route.fulfill( { status: 204 } );
	} );
	await startPhoneSignIn( page, from, phone );
	await verifyPhone( page, phone, { newNumber: true } );
	await expect.poll( () => url, { message: `Chromium got as far as ${ held }` } ).toMatch( held );
	await page.unroute( lastStep );
	return { phone, url: new URL( url ) };
}

test( "site a's ticket taken to site b is refused there, makes nobody, and still signs the visitor in on site a", async ( { page } ) => {
	const { phone, url: ticket } = await heldAt( page, a(), /\/wp-login\.php\?action=logto-callback/ );
	expect( ticket.origin ).toBe( a().url );
	await page.goto( `${ b().url }${ ticket.pathname }${ ticket.search }` );
	await expect( page ).toHaveURL( new RegExp( `^${ b().url }/wp-login\\.php\\?logto_error=ticket_gone$` ) );
	await expect( page.locator( '#login_error' ) ).toContainText( 'This sign-in link has expired or was already used' );
	expect( usersWithPhone( b(), phone ), 'site b made nobody' ).toHaveLength( 0 );
	await page.goto( `${ b().url }/wp-admin/` );
	await expect( page, 'nor signed anybody in' ).toHaveURL( /wp-login\.php/ );

	await page.goto( ticket.href );
	await expect( page ).toHaveURL( new RegExp( `^${ a().url }/wp-admin/` ) );
	expect( usersWithPhone( a(), phone ) ).toHaveLength( 1 );
} );

test( "a sign-in started on site a cannot finish at site b's callback, and still finishes at site a's", async ( { page } ) => {
	const { phone, url: callback } = await heldAt( page, a(), /\/sites\/a\/callback\?/ );
	await page.goto( `${ b().bridgeUrl }/callback${ callback.search }` );
	await expect( page ).toHaveURL( new RegExp( `^${ b().url }/wp-login\\.php\\?logto_error=state_mismatch` ) );
	await expect( page.locator( '#login_error' ) ).toContainText( 'This sign-in link has expired or was already used' );
	expect( usersWithPhone( b(), phone ) ).toHaveLength( 0 );

	await page.goto( callback.href );
	await expect( page ).toHaveURL( new RegExp( `^${ a().url }/wp-admin/` ) );
	expect( usersWithPhone( a(), phone ) ).toHaveLength( 1 );
} );

test( "signing out on site a ends Logto's session, and Logto ends the member's session on site b through b's own back-channel path; another device stays signed in", async ( { page, browser } ) => {
	const phone = newPhone();
	await startPhoneSignIn( page, a(), phone );
	await verifyPhone( page, phone, { newNumber: true } );
	await expect( page ).toHaveURL( new RegExp( `^${ a().url }/wp-admin/` ) );
	await startPhoneSignIn( page, b(), phone );
	await verifyPhone( page, phone, { newNumber: false } );
	await expect( page ).toHaveURL( new RegExp( `^${ b().url }/wp-admin/` ) );
	const otherDevice = await browser.newContext();
	const other = await otherDevice.newPage();
	await startPhoneSignIn( other, b(), phone );
	await verifyPhone( other, phone, { newNumber: false } );
	await expect( other ).toHaveURL( new RegExp( `^${ b().url }/wp-admin/` ) );

	const log = bridgeLog();
	await page.goto( `${ a().url }/wp-admin/` );
	await page.locator( '#wp-admin-bar-my-account' ).hover();
	await page.getByRole( 'menuitem', { name: 'Log Out' } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ a().url }/` ) );
	await expect( async () => {
		await page.goto( `${ b().url }/wp-admin/` );
		await expect( page ).toHaveURL( /wp-login\.php/ );
	} ).toPass( { timeout: 10_000 } );
	const ended = log().filter( ( l ) => l.step === 'backchannel' && l.msg === 'WordPress sessions ended' );
	expect( ended.map( ( l ) => l.site ).sort(), "Logto's logout token for each app reached that site's own path" ).toEqual( [ 'a', 'b' ] );
	await other.goto( `${ b().url }/wp-admin/` );
	await expect( other, 'the other device stays signed in' ).toHaveURL( new RegExp( `^${ b().url }/wp-admin/` ) );
	await otherDevice.close();
} );
