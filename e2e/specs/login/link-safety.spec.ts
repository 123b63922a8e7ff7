import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { Browser } from '@logto-bridge/testkit/browser';

import { expect, test } from '../../support/test';
import { lastMailTo, linkIn, mailsTo } from '../../support/mailbox';
import { adminRest, createUser, findUserByPhone, updateSettings, withSettings, wpDir, wpUrl } from '../../support/wordpress';

// idp/fixtures/users.json: quinn (+12015550129, quinn@example.com) and rosa (+12015550130,
// rosa@example.com), each matching an existing WordPress account by email. They sign in at the
// idp with their passwords over HTTP: no SMS, so no per-number limit in the way.

/** A Logto user signs in from wp-login.php with its idp password; where WordPress finally sent them. */
async function passwordSignIn( username: string ) {
	const browser = new Browser();
	const start = await browser.follow( `${ wpUrl() }/wp-login.php?action=logto-sign-in` );
	const action = /<form[^>]*action="([^"]*\/password)"/.exec( start.html )![ 1 ]!;
	const done = await browser.follow( new URL( action, start.url ).href, undefined, { form: { username, password: `${ username }-password-123` } } );
	return { ...done, browser };
}

/** What the test mu-plugin logto-bridge-test-link-race.php recorded. */
const recorded = ( prefix: string ) => {
	const dir = join( wpDir(), 'wp-content', 'uploads', 'logto-bridge-link-race' );
	return existsSync( dir ) ? readdirSync( dir ).filter( ( f ) => f.startsWith( prefix ) ) : [];
};

async function setEmail( id: number, email: string ) {
	const rest = await adminRest();
	const res = await rest.post( `/wp-json/wp/v2/users/${ id }`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { email } } );
	expect( res.status(), await res.text() ).toBe( 200 );
	await rest.dispose();
}

test.describe.configure( { mode: 'serial' } );

test.describe( 'linking by mail or password cannot be done by a scanner, a changed address, a flood or a parallel guess', () => {
	withSettings( { create_users: true, default_role: 'subscriber', link_by_email: true, allow_admin_linking: false, link_confirm_password: false, allow_password: true, role_mapping: [] } );

	test( 'a GET of the mailed link only asks; a changed address voids it; the fourth mail in an hour is not sent and the visitor is told to wait', async ( { page } ) => {
		const rosaId = await createUser( { username: 'rosa-wp', email: 'rosa@example.com', name: 'Rosa Before', roles: [ 'author' ] } );
		let since = Date.now() - 1000;
		expect( ( await passwordSignIn( 'rosa' ) ).url ).toContain( 'logto_error=link_email_sent' );
		const link = linkIn( await lastMailTo( 'rosa@example.com', since ) )!;

		// A mail scanner opens every link in a message: it gets a page that asks, and links nothing.
		const scanned = await new Browser().follow( link );
		expect( scanned.status ).toBe( 200 );
		expect( scanned.html ).toContain( 'r***@example.com' );
		expect( scanned.html ).toContain( 'Link and sign in' );
		expect( await findUserByPhone( '+12015550130' ), 'a GET links nothing' ).toBeUndefined();

		// The account's address changes before the click: the link mailed to the old one is void.
		await setEmail( rosaId, 'rosa.new@example.com' );
		await page.goto( link );
		await page.getByRole( 'button', { name: 'Link and sign in' } ).click();
		await expect( page ).toHaveURL( /logto_error=link_email_changed/ );
		expect( await findUserByPhone( '+12015550130' ) ).toBeUndefined();
		await setEmail( rosaId, 'rosa@example.com' );

		// Two more sign-ins, two more mails: three in the hour. The fourth sends none.
		for ( let i = 0; i < 2; i++ ) {
			since = Date.now() - 1000;
			expect( ( await passwordSignIn( 'rosa' ) ).url ).toContain( 'logto_error=link_email_sent' );
		}
		const third = linkIn( await lastMailTo( 'rosa@example.com', since ) )!;
		const mailed = mailsTo( 'rosa@example.com' ).length;
		const fourth = await passwordSignIn( 'rosa' );
		expect( fourth.url ).toContain( 'logto_error=link_mail_wait' );
		expect( fourth.html ).toContain( 'try again in an hour' );
		await new Promise( ( r ) => setTimeout( r, 1000 ) );
		expect( mailsTo( 'rosa@example.com' ).length, 'no fourth mail' ).toBe( mailed );

		// The pending link (the third) still works, through its page.
		await page.goto( third );
		await page.getByRole( 'button', { name: 'Link and sign in' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		expect( ( await findUserByPhone( '+12015550130' ) )?.id ).toBe( rosaId );
	} );

	test( 'of parallel password attempts on one offer exactly one is checked (and reported to wp_login_failed); the others find it spent', async () => {
		await updateSettings( { link_confirm_password: true } );
		await createUser( { username: 'quinn-wp', email: 'quinn@example.com', name: 'Quinn Before', roles: [ 'author' ] } );
		const offer = await passwordSignIn( 'quinn' );
		expect( offer.url ).toContain( 'action=logto-link-password' );
		const nonce = /name="_wpnonce" value="(\w+)"/.exec( offer.html )![ 1 ]!;
		// The test mu-plugin holds the first attempt until a second has read the offer too.
		const attempts = await Promise.all(
			Array.from( { length: 6 }, () => offer.browser.request( `${ wpUrl() }/wp-login.php?action=logto-link-password`, { form: { pwd: 'not-the-password', _wpnonce: nonce } } ) )
		);
		const errors = attempts.map( ( res ) => new URL( res.headers.get( 'location' ) ?? '', wpUrl() ).searchParams.get( 'logto_error' ) );
		expect( errors.filter( ( e ) => e === 'link_password_wrong' ), 'one attempt checked' ).toHaveLength( 1 );
		expect( errors.filter( ( e ) => e === 'ticket_gone' ), 'the others find the offer spent' ).toHaveLength( 5 );
		expect( recorded( 'arrived-' ).length, 'at least two read the offer at once' ).toBeGreaterThanOrEqual( 2 );
		expect( recorded( 'failed-' ), 'one wp_login_failed' ).toHaveLength( 1 );
		expect( await findUserByPhone( '+12015550129' ) ).toBeUndefined();
	} );
} );
