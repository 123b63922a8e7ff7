import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { completePhoneVerification, newPhone, startPhoneSignIn } from '../../support/logto';
import { expect, PHP_MATRIX, test } from '../../support/test';
import { adminRest, bridgeUrl, findUserByPhone, findUsers, idpUrl, withSettings, wpDir, wpUrl } from '../../support/wordpress';

test.describe.configure( { mode: 'serial' } );

test.describe( 'wp-login.php in phone mode', () => {
	withSettings( { login_mode: 'phone', allow_password: true, create_users: true, default_role: 'subscriber' } );

	test( 'a new phone number signs in as a new subscriber with no email and a neutral name, signs out of both, and comes back as the same user', PHP_MATRIX, async ( { page } ) => {
		const phone = '+8613800138000';
		let since = Date.now();
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, since );
		await expect( page.getByText( 'No account found for +86 138 0013 8000; create a new one?' ) ).toBeVisible();
		await page.getByRole( 'button', { name: 'Continue' } ).click();

		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const user = await findUserByPhone( phone );
		expect( user, 'one WordPress user was created, with the verified phone in logto_phone' ).toBeTruthy();
		// A phone number is private data: not the username, the display name, the nickname or the author slug.
		expect( user!.username ).toMatch( /^user-[0-9a-f]{8}$/ );
		expect( user!.slug ).toBe( user!.username );
		expect( user!.name ).toMatch( /^Member [0-9A-F]{4}$/ );
		expect( user!.nickname ).toBe( user!.name );
		await expect( page.locator( '#wpadminbar' ) ).toContainText( user!.name );
		await expect( page.locator( '#wpadminbar' ) ).not.toContainText( '8613800138000' );
		expect( user!.email ).toBe( '' );
		expect( user!.roles ).toEqual( [ 'subscriber' ] );
		expect( await findUsers( '8613800138000' ), 'no user is found by the phone digits' ).toEqual( [] );
		// Outside the edit context (granted to the user and to those who may edit them) the phone is not there.
		const rest = await adminRest();
		const viewed = ( await ( await rest.get( `/wp-json/wp/v2/users/${ user!.id }?context=view`, { headers: { 'X-WP-Nonce': rest.nonce } } ) ).json() ) as Record< string, unknown >;
		await rest.dispose();
		expect( JSON.stringify( viewed ) ).not.toContain( '8613800138000' );

		// Sign out: WordPress, then Logto's end-session through the bridge, then back to the site.
		await page.goto( '/wp-admin/' );
		await page.locator( '#wp-admin-bar-my-account' ).hover();
		await page.getByRole( 'menuitem', { name: 'Log Out' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/` ) );
		await page.goto( '/wp-admin/' );
		await expect( page ).toHaveURL( /wp-login\.php/ );

		// The idp session ended too: signing in again asks for the code again.
		since = Date.now();
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, since );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		expect( ( await findUserByPhone( phone ) )?.id ).toBe( user!.id );
	} );

	test( 'the phone field has the focus, so a visitor who starts typing types their number there; the bridge and Logto are preconnected', async ( { page } ) => {
		await page.goto( '/wp-login.php' );
		// The click's next two hops: the browser opens those connections while the visitor types.
		const preconnected = await page.locator( 'link[rel="preconnect"]' ).evaluateAll( ( links ) => links.map( ( l ) => l.getAttribute( 'href' ) ) );
		expect( preconnected ).toEqual( [ new URL( bridgeUrl() ).origin, new URL( idpUrl() ).origin ] );
		// WordPress moves the focus to the username field 200 ms after load unless told not to.
		await page.waitForTimeout( 600 );
		await expect( page.getByLabel( 'Phone number' ) ).toBeFocused();
		await page.keyboard.type( '+12015550199' );
		await expect( page.getByLabel( 'Phone number' ) ).toHaveValue( '+12015550199' );
		await expect( page.getByLabel( 'Username or Email Address' ) ).toHaveValue( '' );
	} );

	test( 'the sign-in\'s two redirect hops run every plugin\'s hooks but not the block editor\'s set-up, and keep a new member\'s rows cached as stored', async ( { page } ) => {
		// e2e/fixtures/mu-plugins/logto-bridge-test-probe.php writes a line per hop at its end.
		const log = join( wpDir(), 'wp-content', 'uploads', 'logto-bridge-hops.log' );
		rmSync( log, { force: true } );
		const phone = newPhone();
		const since = Date.now();
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, since );
		await page.getByRole( 'button', { name: 'Continue' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );

		const hops = readFileSync( log, 'utf8' ).trim().split( '\n' ).map( ( line ) => JSON.parse( line ) as Record< string, unknown > );
		expect( hops.map( ( hop ) => hop.action ) ).toEqual( [ 'logto-sign-in', 'logto-callback' ] );
		for ( const hop of hops ) {
			expect( hop, `${ hop.action }: init, wp_loaded and login_init ran, core's blocks and widgets were not set up` ).toMatchObject( { init: 1, wp_loaded: 1, login_init: 1, widgets_init: 0, core_blocks: [] } );
		}
		// The new member: made with core's hooks, signed in with core's action; after each row added
		// (core's defaults, the role, ours, the session) the cached rows were there, as stored.
		expect( hops[ 1 ] ).toMatchObject( { user_register: 1, wp_login: 1, meta_adds: { emptied: 0, differs: 0 } } );
		expect( ( hops[ 1 ]!.meta_adds as { kept: number } ).kept ).toBeGreaterThanOrEqual( 15 );
	} );

	test( 'the browser checks the number (its pattern compiles, no console error), the placeholder is a valid number, and email users get a Logto button too', async ( { page } ) => {
		const errors: string[] = [];
		page.on( 'console', ( message ) => {
			if ( message.type() === 'error' ) errors.push( message.text() );
		} );
		await page.goto( '/wp-login.php' );
		const field = page.getByLabel( 'Phone number' );
		await field.fill( 'call me' );
		expect( await field.evaluate( ( el: HTMLInputElement ) => el.validity.patternMismatch ), 'the browser refuses letters' ).toBe( true );
		await field.fill( ( await field.getAttribute( 'placeholder' ) )! );
		expect( await field.evaluate( ( el: HTMLInputElement ) => el.checkValidity() ) ).toBe( true );
		expect( errors, 'no console error on wp-login.php' ).toEqual( [] );
		await page.getByRole( 'button', { name: 'Continue with phone' } ).click();
		await expect( page, 'the placeholder number, typed, is accepted and sent to Logto' ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );

		await page.goto( '/wp-login.php' );
		await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
		await expect( page, 'no number needed: Logto’s own sign-in screen' ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
	} );

	test( 'an invalid phone number gets a clear message on wp-login.php', async ( { page } ) => {
		// Passes the browser's pattern check; not a number anywhere.
		await startPhoneSignIn( page, '+86 123 456' );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Enter a valid phone number with its country code' );
	} );

	test( 'a visitor who cancels at the identity provider sees the cancel message', async ( { page } ) => {
		await startPhoneSignIn( page, newPhone() );
		await page.getByRole( 'link', { name: 'Cancel and go back to the app' } ).click();
		await expect( page ).toHaveURL( /wp-login\.php\?logto_error=cancelled/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Sign-in with Logto was cancelled.' );
	} );

	test( 'an idp user with role editor becomes a WordPress editor; an unmapped role gives the default role', PHP_MATRIX, async ( { page, browser } ) => {
		await startPhoneSignIn( page, '+12015550123' );
		await completePhoneVerification( page, '+12015550123', Date.now() - 1000 );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const [ editor ] = await findUsers( 'ed' );
		expect( editor?.roles ).toEqual( [ 'editor' ] );

		const other = await browser.newPage();
		await startPhoneSignIn( other, '+12015550124' );
		await completePhoneVerification( other, '+12015550124', Date.now() - 1000 );
		await expect( other ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const [ plain ] = await findUsers( 'pat' );
		expect( plain?.roles ).toEqual( [ 'subscriber' ] );
		await other.close();
	} );

	test( 'signing out at the identity provider ends the visitor’s WordPress session (back-channel logout), and only that one', PHP_MATRIX, async ( { page, browser } ) => {
		const phone = newPhone();
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, Date.now() - 1000 );
		await page.getByRole( 'button', { name: 'Continue' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );

		// The same person on another device: another Logto session, another WordPress session.
		const otherDevice = await browser.newContext();
		const other = await otherDevice.newPage();
		await startPhoneSignIn( other, phone );
		await completePhoneVerification( other, phone, Date.now() - 1000 );
		await expect( other ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );

		// The visitor signs out at Logto directly (another app, the account page...).
		await page.goto( `${ idpUrl() }/oidc/session/end` );
		await expect( page.getByText( 'You have been signed out.' ) ).toBeVisible();
		await expect( async () => {
			await page.goto( `${ wpUrl() }/wp-admin/` );
			await expect( page ).toHaveURL( /wp-login\.php/ );
		} ).toPass( { timeout: 10_000 } );
		await other.goto( `${ wpUrl() }/wp-admin/` );
		await expect( other, 'the other device stays signed in' ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await otherDevice.close();
	} );
} );
